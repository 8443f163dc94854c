/*
 * Vergelijken: choose up to MAXIMUM praktijkvoorbeelden and see them side by side.
 *
 * Loaded on every page (mkdocs.yml, extra_javascript), at the end of the body:
 * - an element with data-vergelijk-slug (a card in the interventiewijzer or the buurtanalyse; the link
 *   on a praktijkvoorbeeld page) gets a "Vergelijk" checkbox: at its end, or just before it when the
 *   element is a link. Elements added later (the buurtanalyse draws its cards while you answer) are
 *   found by a MutationObserver, so the page scripts only set the attributes;
 * - a link with data-vergelijk-link becomes "Vergelijk (n)" to the comparison of the current choice;
 *   it (or its data-vergelijk-balk) is hidden while nothing is chosen;
 * - on /vergelijk/ (#vergelijk, with window.HANDREIKING loaded) it draws the table of ?slug=a&slug=b.
 * The choice is kept in localStorage, so it survives going from page to page; the comparison page
 * takes its address as the choice. A classic script (no ES module) so that it also runs from file://.
 */
(() => {
  "use strict";

  const MAXIMUM = 4;
  const PARAMETER = "slug";
  const STORAGE_KEY = "handreiking-vergelijk";
  let memory = [];  // the choice when localStorage is refused (possible from file://): this page only

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => { node.setAttribute(name, attributes[name]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function hidden(text) {
    return element("span", {"class": "vergelijk-verborgen"}, text);
  }

  // --- the choice ------------------------------------------------------------------------------

  function load() {
    try {
      const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "[]");
      if (Array.isArray(stored)) {
        return stored.filter((slug) => typeof slug === "string").slice(0, MAXIMUM);
      }
    } catch {
      // No storage or not our JSON: fall back to this page's memory.
    }
    return memory.slice();
  }

  function save(slugs) {
    memory = slugs.slice();
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(slugs));
    } catch {
      // Storage refused: the choice lasts as long as this page.
    }
    refresh();
  }

  function search(slugs) {
    const params = new URLSearchParams();
    slugs.forEach((slug) => { params.append(PARAMETER, slug); });
    const text = params.toString();
    return text ? "?" + text : "";
  }

  // --- the boxes and links ---------------------------------------------------------------------

  function addBox(host) {
    const slug = host.getAttribute("data-vergelijk-slug");
    const titel = host.getAttribute("data-vergelijk-titel");
    const wrapper = element("span", {"class": "vergelijk-keuze"});
    const label = element("label", {});
    const box = element("input", {type: "checkbox", "class": "vergelijk-vakje", value: slug});
    label.appendChild(box);
    label.appendChild(document.createTextNode(" Vergelijk"));
    if (titel) label.appendChild(hidden(": " + titel));
    const message = element("span", {"class": "vergelijk-melding", "aria-live": "polite"});
    wrapper.appendChild(label);
    wrapper.appendChild(message);
    box.addEventListener("change", () => {
      const slugs = load().filter((chosen) => chosen !== slug);
      if (box.checked && slugs.length >= MAXIMUM) {
        box.checked = false;
        message.textContent = `U vergelijkt hoogstens ${MAXIMUM} praktijkvoorbeelden tegelijk; zet er eerst een uit.`;
        return;
      }
      if (box.checked) slugs.push(slug);
      save(slugs);
    });
    if (host.tagName === "A") host.parentNode.insertBefore(wrapper, host);
    else host.appendChild(wrapper);
    host.vergelijk = {box, message};
  }

  function syncBox(host, slugs) {
    host.vergelijk.box.checked = slugs.indexOf(host.vergelijk.box.value) !== -1;
    host.vergelijk.message.textContent = "";
  }

  function syncLink(link, slugs) {
    if (!link.hasAttribute("data-vergelijk-basis")) {
      link.setAttribute("data-vergelijk-basis", link.getAttribute("href").split("?")[0]);
    }
    link.setAttribute("href", link.getAttribute("data-vergelijk-basis") + search(slugs));
    link.textContent = "Vergelijk (" + slugs.length + ")";
    (link.closest("[data-vergelijk-balk]") || link).hidden = slugs.length === 0;
  }

  function within(root, selector) {
    const found = Array.prototype.slice.call(root.querySelectorAll(selector));
    if (root.matches(selector)) found.unshift(root);
    return found;
  }

  /* Give new hosts their box and bring boxes and links in ``root`` up to date with the choice. */
  function scan(root) {
    const slugs = load();
    within(root, "[data-vergelijk-slug]").forEach((host) => {
      if (!host.vergelijk) addBox(host);
      syncBox(host, slugs);
    });
    within(root, "a[data-vergelijk-link]").forEach((link) => { syncLink(link, slugs); });
  }

  function refresh() {
    scan(document.body);
  }

  // --- the comparison page ---------------------------------------------------------------------

  // The rows, top to bottom. A row with ``vocabulaire`` shows that vocabulary's terms; its field in
  // the data is named by the interventiewijzer's facets.
  const ROWS = [
    {veld: "samenvatting", kop: "Samenvatting", soort: "tekst"},
    {vocabulaire: "oplossingsrichting"},
    {vocabulaire: "locatie"},
    {vocabulaire: "doelgroep"},
    {vocabulaire: "problematiek"},
    {veld: "methodieken", kop: "Werkwijze", soort: "lijst"},
    {veld: "gemeente", kop: "Gemeente", soort: "tekst"},
    {vocabulaire: "status"},
    {veld: "gecontroleerd_op", kop: "Gecontroleerd op", soort: "datum"},
    {veld: "links", kop: "Meer informatie", soort: "links"},
  ];

  function comparison(root, data) {
    const basis = root.getAttribute("data-basis") || "";
    const voorbeelden = new Map(data.praktijkvoorbeelden.map((v) => [v.slug, v]));
    const redirects = (data.doorverwijzingen || {}).praktijkvoorbeelden || {};
    const fields = {};
    data.interventiewijzer.facetten.forEach((facet) => { fields[facet.naam] = facet.veld; });
    const area = element("div", {"class": "vergelijk-uitkomst"});
    root.appendChild(area);

    function fromAddress() {
      const read = {slugs: [], unknown: [], extra: []};
      new URLSearchParams(window.location.search).getAll(PARAMETER).forEach((asked) => {
        const slug = voorbeelden.has(asked) ? asked : redirects[asked];
        if (!slug || !voorbeelden.has(slug)) read.unknown.push(asked);
        else if (read.slugs.indexOf(slug) !== -1) return;
        else if (read.slugs.length >= MAXIMUM) read.extra.push(voorbeelden.get(slug).titel);
        else read.slugs.push(slug);
      });
      return read;
    }

    function setAddress(slugs, push) {
      const url = window.location.pathname + search(slugs) + window.location.hash;
      if (url === window.location.pathname + window.location.search + window.location.hash) return;
      try {
        if (push) window.history.pushState(null, "", url);
        else window.history.replaceState(null, "", url);
      } catch {
        // Some browsers refuse history changes for file:// pages; the table is right regardless.
      }
    }

    // --- one row: each column's values as {key, node}, then marks for what they share ----------

    function termValues(naam, ids) {
      const termen = data.vocabulaires[naam].termen;
      return ids.map((id) => {
        const term = termen.find((t) => t.id === id);
        const node = term && term.url ? element("a", {href: basis + term.url}, term.label)
          : document.createTextNode(term ? term.label : id);
        return {key: id, node};
      });
    }

    function dateText(iso) {
      const parts = iso.split("-").map(Number);
      return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).toLocaleDateString("nl-NL",
        {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
    }

    function raw(row, v) {
      return v[row.vocabulaire ? fields[row.vocabulaire] : row.veld];
    }

    function values(row, v) {
      const value = raw(row, v);
      if (row.vocabulaire) return termValues(row.vocabulaire, Array.isArray(value) ? value : [value]);
      if (row.soort === "lijst") {
        return value.map((text) => ({
          key: text,
          node: document.createTextNode(text)
        }));
      }
      if (row.soort === "links") {
        return value.map((link) => ({
          key: link.url,
          node: element("a", {href: link.url}, link.titel)
        }));
      }
      if (row.soort === "datum") {
        return [value ? {key: value, node: document.createTextNode(dateText(value))}
          : {key: "", node: document.createTextNode("nog niet gecontroleerd")}];
      }
      return value ? [{key: value, node: document.createTextNode(value)}] : [];
    }

    function rowHeading(row) {
      return row.vocabulaire ? data.vocabulaires[row.vocabulaire].meervoud : row.kop;
    }

    function sameKeys(a, b) {
      return a.length === b.length && a.every((key) => b.indexOf(key) !== -1);
    }

    function cell(items, shared, several, list) {
      const td = element("td", {});
      if (!items.length) {
        td.appendChild(element("span", {"class": "vergelijk-leeg"}, "niet opgegeven"));
        return td;
      }
      const single = items.length === 1 && !list;
      const container = single ? td : td.appendChild(element("ul", {"class": "vergelijk-waarden"}));
      items.forEach((item) => {
        const holder = single ? td : container.appendChild(element("li", {}));
        holder.appendChild(item.node);
        if (several && shared.indexOf(item.key) !== -1) {
          holder.classList.add("vergelijk-gedeeld");
          holder.appendChild(document.createTextNode(" "));
          holder.appendChild(element("span", {"class": "vergelijk-label vergelijk-label--gedeeld"}, "gedeeld"));
        }
      });
      return td;
    }

    function tableRow(row, chosen) {
      const perColumn = chosen.map((v) => values(row, v));
      const keys = perColumn.map((items) => items.map((item) => item.key));
      const shared = keys[0].filter((key) => key !== "" && keys.every((other) => other.indexOf(key) !== -1));
      const several = chosen.length > 1;
      const differs = several && !keys.every((other) => sameKeys(other, keys[0]));
      const tr = element("tr", {"class": differs ? "vergelijk-rij vergelijk-rij--verschil" : "vergelijk-rij"});
      const th = element("th", {scope: "row"}, rowHeading(row));
      if (several) {
        th.appendChild(document.createTextNode(" "));
        th.appendChild(element("span", {"class": `vergelijk-label vergelijk-label--${differs ? "verschil" : "gelijk"}`},
          differs ? "verschilt" : "gelijk"));
      }
      tr.appendChild(th);
      const list = Array.isArray(raw(row, chosen[0]));
      perColumn.forEach((items) => { tr.appendChild(cell(items, shared, several, list)); });
      return tr;
    }

    function columnHeading(v, index, chosen) {
      const th = element("th", {scope: "col"});
      th.appendChild(element("a", {href: basis + v.url}, v.titel));
      const remove = element("button", {type: "button", "class": "vergelijk-weg", "data-slug": v.slug}, "Haal weg");
      remove.appendChild(hidden(": " + v.titel));
      remove.addEventListener("click", () => {
        const slugs = chosen.map((c) => c.slug).filter((slug) => slug !== v.slug);
        save(slugs);
        setAddress(slugs, true);
        render(slugs, [], []);
        // Keyboard users continue at the next column's button, or at the last one.
        const buttons = area.querySelectorAll(".vergelijk-weg");
        const next = buttons[Math.min(index, buttons.length - 1)] || area.querySelector("a");
        if (next) next.focus();
      });
      th.appendChild(remove);
      return th;
    }

    function table(chosen) {
      const scroller = element("div", {"class": "vergelijk-schuif", role: "region", tabindex: "0",
        "aria-labelledby": "vergelijk-bijschrift"});
      const tableNode = scroller.appendChild(element("table", {"class": "vergelijk-tabel"}));
      const caption = element("caption", {id: "vergelijk-bijschrift"},
        "Vergelijking van " + chosen.map((v) => v.titel).join(", ") + ".");
      if (chosen.length > 1) {
        caption.appendChild(document.createTextNode(
          " Rijen met \u2018verschilt\u2019 hebben niet bij elk praktijkvoorbeeld dezelfde waarden;" +
          " \u2018gedeeld\u2019 staat bij een waarde die alle gekozen praktijkvoorbeelden hebben."));
      }
      tableNode.appendChild(caption);
      const head = tableNode.appendChild(element("thead", {})).appendChild(element("tr", {}));
      head.appendChild(element("th", {scope: "col"}, "Kenmerk"));
      chosen.forEach((v, index) => { head.appendChild(columnHeading(v, index, chosen)); });
      const body = tableNode.appendChild(element("tbody", {}));
      ROWS.forEach((row) => { body.appendChild(tableRow(row, chosen)); });
      return scroller;
    }

    function note(title, text) {
      const box = element("div", {"class": "admonition warning vergelijk-melding-adres"});
      box.appendChild(element("p", {"class": "admonition-title"}, title));
      box.appendChild(element("p", {}, text));
      return box;
    }

    function render(slugs, unknown, extra) {
      area.textContent = "";
      if (unknown.length) {
        area.appendChild(note("Niet alle praktijkvoorbeelden uit de link zijn gevonden",
          "Genegeerd: " + unknown.map((slug) => "\u2018" + slug + "\u2019").join(", ") + "."));
      }
      if (extra.length) {
        area.appendChild(note("Hoogstens " + MAXIMUM + " praktijkvoorbeelden tegelijk",
          "Niet getoond: " + extra.join(", ") + "."));
      }
      const chosen = slugs.map((slug) => voorbeelden.get(slug));
      if (!chosen.length) {
        area.appendChild(element("p", {"class": "vergelijk-niets"}, "U hebt nog geen praktijkvoorbeelden gekozen."));
        return;
      }
      if (chosen.length === 1) {
        area.appendChild(element("p", {"class": "vergelijk-nog-een"},
          "Kies nog een praktijkvoorbeeld om te vergelijken."));
      }
      const print = element("button", {type: "button", "class": "md-button vergelijk-afdrukken"}, "Afdrukken");
      print.addEventListener("click", () => { window.print(); });
      area.appendChild(print);
      area.appendChild(table(chosen));
    }

    function start() {
      const hasAddress = new URLSearchParams(window.location.search).has(PARAMETER);
      const read = hasAddress ? fromAddress() : {slugs: load().filter((s) => voorbeelden.has(s)),
        unknown: [], extra: []};
      save(read.slugs);
      setAddress(read.slugs, false);  // what the table shows, without what was ignored
      render(read.slugs, read.unknown, read.extra);
    }

    root.classList.add("vergelijk--actief");
    start();
    window.addEventListener("popstate", start);
  }

  // --- start -----------------------------------------------------------------------------------

  const root = document.getElementById("vergelijk");
  if (root && window.HANDREIKING) comparison(root, window.HANDREIKING);
  refresh();
  new MutationObserver((records) => {
    records.forEach((record) => {
      Array.prototype.forEach.call(record.addedNodes, (node) => {
        if (node.nodeType === 1) scan(node);
      });
    });
  }).observe(document.body, {childList: true, subtree: true});
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY) refresh();
  });
})();
