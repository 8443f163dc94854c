(() => {
  "use strict";

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

  // Keyboard access to wide tables (WCAG 2.1.1, axe 'scrollable-region-focusable').
  //
  // Material wraps every table in a scroll container once the page loads. Whether a table is
  // wider than the screen depends on the screen and the fonts; a keyboard user must be able to
  // scroll it either way. So every container is a named region in the tab order: arrow keys then
  // scroll it.
  const TABLE_WRAPPER = "md-typeset__scrollwrap";

  function makeScrollable(wrapper) {
    if (wrapper.hasAttribute("tabindex")) return;
    const heading = [...document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3")]
      .filter((h) => h.compareDocumentPosition(wrapper) & Node.DOCUMENT_POSITION_FOLLOWING)
      .pop();
    const title = heading ? heading.textContent.replace(/¶\s*$/, "").trim() : "";
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", title ? `Tabel: ${title}` : "Tabel");
  }

  function makeTablesScrollable(root) {
    if (root.classList && root.classList.contains(TABLE_WRAPPER)) makeScrollable(root);
    if (root.querySelectorAll) root.querySelectorAll(`.${TABLE_WRAPPER}`).forEach(makeScrollable);
  }

  new MutationObserver((mutations) => {
    mutations.forEach((mutation) => mutation.addedNodes.forEach(makeTablesScrollable));
  }).observe(document.documentElement, { childList: true, subtree: true });
  makeTablesScrollable(document);
})();
