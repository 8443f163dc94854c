// Keyboard access to the navigation on narrow screens (WCAG 2.1.1).
//
// Material opens the navigation drawer with <label for="__drawer">: a mouse or finger can
// press it, a keyboard cannot reach it. Make it a named button in the tab order and tell
// screen readers whether the menu is open. Material itself clicks a focused label on Enter;
// a button also answers to Space.
document.addEventListener("DOMContentLoaded", () => {
  const drawer = document.getElementById("__drawer");
  const button = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (!drawer || !button) return;
  const sync = () => button.setAttribute("aria-expanded", String(drawer.checked));
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  sync();
  drawer.addEventListener("change", sync);
  button.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });
});
