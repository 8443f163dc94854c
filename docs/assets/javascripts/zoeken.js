/*
 * The site search on every page, in the search box of the header (overrides/partials/search.html).
 *
 * Nothing is loaded until a visitor starts to search (focuses the box, opens it, or arrives with ?q=): then
 * the stemmer, the text analysis, the search (handreiking-zoeken.js) and the index (search/zoekindex.js) load
 * as classic scripts, which also works from file:// in the offline bundle. Results follow every key; each
 * links to its page with ?h= and the words found, which this script marks on arrival. Keys: "/", "s" or "f"
 * opens the search, arrows move between results, Escape closes. ?q=words opens it with those words.
 * A classic script (no ES module) so that it also runs from file://.
 */
(() => {
  "use strict";

  const box = document.querySelector("[data-zoeken]");
  const config = document.getElementById("__config");
  const toggle = document.getElementById("__search");
  const SCRIPTS = ["assets/javascripts/vendor/snowball/dutch-stemmer.js", "assets/javascripts/handreiking-tekst.js",
    "assets/javascripts/handreiking-zoeken.js", "search/zoekindex.js"];
  const SHOWN = 20;  // results at first; "Toon meer" adds the rest
  const DELAY = 80;  // ms after the last key before searching

  let base = "";
  try {
    base = new URL(JSON.parse(config.textContent).base + "/", window.location.href).href;
  } catch {
    base = new URL(".", window.location.href).href;
  }

  markFound();
  if (!box || !toggle) return;

  const input = box.querySelector("[data-zoeken-vraag]");
  const form = box.querySelector("[data-zoeken-formulier]");
  const count = box.querySelector("[data-zoeken-aantal]");
  const list = box.querySelector("[data-zoeken-resultaten]");
  const texts = {leeg: count.dataset.tekstLeeg, geen: count.dataset.tekstGeen, een: count.dataset.tekstEen,
    meer: count.dataset.tekstMeer};

  let search = null;
  let loading = null;
  let timer = null;

  /* The scripts of the search, one after the other; resolves with the search once the index is in. */
  function load() {
    if (loading) return loading;
    loading = SCRIPTS.reduce((previous, path) => previous.then(() => new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(path, base).href;
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => reject(new Error(path)));
      document.head.appendChild(script);
    })), Promise.resolve()).then(() => {
      search = window.HandreikingZoeken.create(window.HANDREIKING_ZOEKINDEX);
      return search;
    });
    return loading;
  }

  function element(name, attributes, text) {
    const node = document.createElement(name);
    Object.entries(attributes || {}).forEach(([key, value]) => { node.setAttribute(key, value); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(result) {
    const item = element("li", {"class": "md-search-result__item"});
    const url = new URL(result.location, base);
    if (result.woorden.length) url.searchParams.set("h", result.woorden.join(" "));
    const link = element("a", {href: url.href, "class": "md-search-result__link", tabindex: "-1"});
    const article = element("article", {"class": "md-search-result__article md-typeset"});
    article.appendChild(element("div", {"class": "md-search-result__icon md-icon"}));
    article.appendChild(element("h1", {}, result.titel));
    if (result.sectie) article.appendChild(element("h2", {}, result.sectie));
    const snippet = element("p", {});
    result.fragment.forEach((part) => {
      snippet.appendChild(part.treffer ? element("mark", {}, part.tekst) : document.createTextNode(part.tekst));
    });
    article.appendChild(snippet);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function show(results, all) {
    list.textContent = "";
    const shown = all ? results : results.slice(0, SHOWN);
    shown.forEach((result) => { list.appendChild(resultItem(result)); });
    if (shown.length < results.length) {
      const more = element("li", {"class": "md-search-result__item zoeken-meer"});
      const button = element("button", {type: "button", "class": "md-button"},
        "Toon alle " + results.length + " resultaten");
      button.addEventListener("click", () => {
        show(results, true);
        const next = list.children[shown.length] && list.children[shown.length].querySelector("a");
        if (next) next.focus();
      });
      more.appendChild(button);
      list.appendChild(more);
    }
    count.textContent = !input.value.trim() ? texts.leeg : results.length === 0 ? texts.geen
      : results.length === 1 ? texts.een : texts.meer.replace("#", String(results.length));
  }

  function run() {
    const query = input.value;
    if (!query.trim()) {
      show([], false);
      return;
    }
    load().then((ready) => {
      if (input.value === query) show(ready.run(query), false);
    }).catch(() => { count.textContent = "Zoeken lukt nu niet: de zoekgegevens laden niet."; });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load().catch(() => {});
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    input.blur();
  }

  function links() { return Array.from(list.querySelectorAll(".md-search-result__link, .zoeken-meer button")); }

  input.addEventListener("focus", open);
  // Focus that leaves the search (Tab onward, a click elsewhere) closes it, as Material's search did.
  box.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !box.contains(event.relatedTarget) && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DELAY);
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load().catch(() => {});
      if (document.activeElement !== input) input.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => { window.setTimeout(() => { show([], false); input.focus(); }, 0); });

  box.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    }
  });

  /* "/", "s" or "f" opens the search, as Material's did, unless one is typing in a field. */
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable ||
      ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].includes(event.key)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  // A shared search: ?q=words opens the search with them (a page that uses q itself removes it first).
  const shared = new URLSearchParams(window.location.search).get("q");
  if (shared) {
    input.value = shared;
    open();
    run();
  }

  /* On the page a result led to: mark the words found (?h=) in the article. */
  function markFound() {
    const wanted = new URLSearchParams(window.location.search).get("h");
    const article = document.querySelector("article.md-content__inner");
    if (!wanted || !article) return;
    const words = new Set(wanted.toLowerCase().split(/\s+/).filter(Boolean));
    const fold = (text) => text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach((node) => {
      if (node.parentElement.closest("script, style, mark, .headerlink")) return;
      const parts = node.textContent.split(/([\p{L}\p{N}\p{M}]+)/u);
      if (!parts.some((part) => words.has(fold(part)))) return;
      const fragment = document.createDocumentFragment();
      parts.forEach((part) => {
        fragment.appendChild(words.has(fold(part)) ? element("mark", {"data-md-highlight": ""}, part)
          : document.createTextNode(part));
      });
      node.replaceWith(fragment);
    });
  }
})();
