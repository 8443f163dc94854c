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
 * takes its address as the choice. Only the page: the choice, the address and the table's model are
 * handreiking-vergelijking.js (loaded just before). A classic script (no ES module) so that it also runs
 * from file://; its own element() because handreiking-pagina.js is not on every page.
 */
(() => {
  "use strict";

  const Vergelijking = window.HandreikingVergelijking;
  const Opslag = Vergelijking.opslag;
  const MAXIMUM = Vergelijking.MAXIMUM;

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach((name) => { node.setAttribute(name, attributes[name]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function hidden(text) {
    return element("span", {"class": "vergelijk-verborgen"}, text);
  }

  function save(slugs) {
    Opslag.save(slugs);
    refresh();
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
      const slugs = Vergelijking.choose(Opslag.load(), slug, box.checked);
      if (!slugs) {
        box.checked = false;
        message.textContent = `U vergelijkt hoogstens ${MAXIMUM} praktijkvoorbeelden tegelijk; zet er eerst een uit.`;
        return;
      }
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
    link.setAttribute("href", link.getAttribute("data-vergelijk-basis") + Vergelijking.search(slugs));
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
    const slugs = Opslag.load();
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

  function comparison(root, data) {
    const basis = root.getAttribute("data-basis") || "";
    const area = element("div", {"class": "vergelijk-uitkomst"});
    root.appendChild(area);

    function setAddress(slugs, push) {
      const url = window.location.pathname + Vergelijking.search(slugs) + window.location.hash;
      if (url === window.location.pathname + window.location.search + window.location.hash) return;
      try {
        if (push) window.history.pushState(null, "", url);
        else window.history.replaceState(null, "", url);
      } catch {
        // Some browsers refuse history changes for file:// pages; the table is right regardless.
      }
    }

    function value(item) {
      return item.url ? element("a", {href: item.url}, item.text) : document.createTextNode(item.text);
    }

    /* One praktijkvoorbeeld's values of a row, into ``holder`` (a table cell or a card's field). */
    function fill(holder, column) {
      if (!column.items.length) {
        holder.appendChild(element("span", {"class": "vergelijk-leeg"}, "niet opgegeven"));
        return holder;
      }
      const single = column.items.length === 1 && !column.list;
      const container = single ? holder : holder.appendChild(element("ul", {"class": "vergelijk-waarden"}));
      column.items.forEach((item) => {
        const target = single ? holder : container.appendChild(element("li", {}));
        target.appendChild(value(item));
        if (item.shared) {
          target.classList.add("vergelijk-gedeeld");
          target.appendChild(document.createTextNode(" "));
          target.appendChild(element("span", {"class": "vergelijk-label vergelijk-label--gedeeld"}, "gedeeld"));
        }
      });
      return holder;
    }

    /* The row's name, with "verschilt" or "gelijk" when more than one praktijkvoorbeeld is chosen. */
    function rowName(holder, row) {
      holder.appendChild(document.createTextNode(row.kop));
      if (row.differs !== null) {
        holder.appendChild(document.createTextNode(" "));
        const kind = row.differs ? "verschil" : "gelijk";
        holder.appendChild(element("span", {"class": `vergelijk-label vergelijk-label--${kind}`},
          row.differs ? "verschilt" : "gelijk"));
      }
      return holder;
    }

    function tableRow(row) {
      const tr = element("tr", {"class": row.differs ? "vergelijk-rij vergelijk-rij--verschil" : "vergelijk-rij"});
      tr.appendChild(rowName(element("th", {scope: "row"}), row));
      row.cells.forEach((column) => { tr.appendChild(fill(element("td", {}), column)); });
      return tr;
    }

    /* "Haal weg" for ``v``; its kind of button (``buttonClass``) in the table or on the cards. */
    function removeButton(v, index, chosen, buttonClass) {
      const remove = element("button", {type: "button", "class": buttonClass, "data-slug": v.slug}, "Haal weg");
      remove.appendChild(hidden(": " + v.titel));
      remove.addEventListener("click", () => {
        const slugs = chosen.map((c) => c.slug).filter((slug) => slug !== v.slug);
        save(slugs);
        setAddress(slugs, true);
        render(slugs, [], []);
        // Keyboard users continue at the next praktijkvoorbeeld's button, or at the last one.
        const buttons = area.querySelectorAll("." + buttonClass.split(" ").pop());
        const next = buttons[Math.min(index, buttons.length - 1)] || area.querySelector("a");
        if (next) next.focus();
      });
      return remove;
    }

    function columnHeading(v, index, chosen) {
      const th = element("th", {scope: "col"});
      th.appendChild(element("a", {href: basis + v.url}, v.titel));
      th.appendChild(removeButton(v, index, chosen, "vergelijk-weg"));
      return th;
    }

    /* Narrow screens (vergelijk.css): a card per praktijkvoorbeeld, each field under its name,
       so every praktijkvoorbeeld reads without scrolling sideways. Paper and wide screens get the table. */
    function cards(model, explanation) {
      const holder = element("div", {"class": "vergelijk-kaarten"});
      holder.appendChild(element("p", {"class": "vergelijk-kaarten-uitleg"}, explanation));
      model.chosen.forEach((v, index) => {
        const id = "vergelijk-kaart-" + v.slug;
        const card = holder.appendChild(element("section", {"class": "vergelijk-kaart", "aria-labelledby": id}));
        card.appendChild(element("h2", {id})).appendChild(element("a", {href: basis + v.url}, v.titel));
        const fields = card.appendChild(element("dl", {"class": "vergelijk-velden"}));
        model.rows.forEach((row) => {
          const name = element("dt", row.differs ? {"class": "vergelijk-veld--verschil"} : {});
          fields.appendChild(rowName(name, row));
          fields.appendChild(fill(element("dd", {}), row.cells[index]));
        });
        card.appendChild(removeButton(v, index, model.chosen, "vergelijk-weg-kaart"));
      });
      return holder;
    }

    function explanation(chosen) {
      const text = "Vergelijking van " + chosen.map((v) => v.titel).join(", ") + ".";
      if (chosen.length < 2) return text;
      return text + " Rijen met \u2018verschilt\u2019 hebben niet bij elk praktijkvoorbeeld dezelfde waarden;" +
        " \u2018gedeeld\u2019 staat bij een waarde die alle gekozen praktijkvoorbeelden hebben.";
    }

    function table(model) {
      const chosen = model.chosen;
      const scroller = element("div", {"class": "vergelijk-schuif", role: "region", tabindex: "0",
        "aria-labelledby": "vergelijk-bijschrift"});
      const tableNode = scroller.appendChild(element("table", {"class": "vergelijk-tabel"}));
      tableNode.appendChild(element("caption", {id: "vergelijk-bijschrift"}, explanation(chosen)));
      const head = tableNode.appendChild(element("thead", {})).appendChild(element("tr", {}));
      head.appendChild(element("th", {scope: "col"}, "Kenmerk"));
      chosen.forEach((v, index) => { head.appendChild(columnHeading(v, index, chosen)); });
      const body = tableNode.appendChild(element("tbody", {}));
      model.rows.forEach((row) => { body.appendChild(tableRow(row)); });
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
      if (!slugs.length) {
        area.appendChild(element("p", {"class": "vergelijk-niets"}, "U hebt nog geen praktijkvoorbeelden gekozen."));
        return;
      }
      if (slugs.length === 1) {
        area.appendChild(element("p", {"class": "vergelijk-nog-een"},
          "Kies nog een praktijkvoorbeeld om te vergelijken."));
      }
      const print = element("button", {type: "button", "class": "md-button vergelijk-afdrukken"}, "Afdrukken");
      print.addEventListener("click", () => { window.print(); });
      area.appendChild(print);
      const model = Vergelijking.table(data, slugs, basis);
      area.appendChild(table(model));
      area.appendChild(cards(model, explanation(model.chosen)));
    }

    function start() {
      const read = Vergelijking.inAddress(window.location.search) ? Vergelijking.read(window.location.search, data)
        : {slugs: Vergelijking.known(Opslag.load(), data), unknown: [], extra: []};
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
    if (event.key === Vergelijking.KEY) refresh();
  });
})();
