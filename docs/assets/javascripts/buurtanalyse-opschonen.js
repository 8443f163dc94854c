/*
 * Cleaning a buurtanalyse that comes from a file, the browser's storage or the address: an older shape is
 * upgraded first (buurtanalyse-migratie.js), then only what this site knows is kept, and the rest is named.
 * No DOM: runs in node too.
 *
 *   const known = HandreikingOpschonen.known(window.HANDREIKING);
 *       what the site knows: from the data, and what its form offers (data.buurtanalyse.formulier,
 *       {punten: [values], anders: [keys], notities: [keys]}; a test may give another form)
 *   const result = HandreikingOpschonen.sanitize(raw, known);
 *   result.state     a state (buurtanalyse-staat.js) with known values only, each once, in site order
 *   result.ignored   [{naam, waarde}]: what was dropped from the answers, casus and gekozen
 *
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./buurtanalyse-staat.js"), require("./buurtanalyse-migratie.js"),
      require("./buurtanalyse-diagnose.js"));
  } else {
    globalThis.HandreikingOpschonen = factory(globalThis.HandreikingStaat, globalThis.HandreikingMigratie,
      globalThis.HandreikingDiagnose);
  }
})((Staat, Migratie, Diagnose) => {
  "use strict";

  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  function asText(value) { return typeof value === "string" ? value : ""; }
  function asList(value) { return Array.isArray(value) ? value : []; }
  function asObject(value) { return value && typeof value === "object" && !Array.isArray(value) ? value : {}; }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* Everything a state may hold, in site order: from the data and from the page's form. */
  function known(data, form = data.buurtanalyse.formulier) {
    const config = data.buurtanalyse;
    const termen = new Map(config.vocabulaires.map((naam) => [naam, data.vocabulaires[naam].termen.map((t) => t.id)]));
    return {
      termen,
      stappen: config.stappen.map((stap) => stap.nummer),
      casussen: data.casussen.map((casus) => casus.slug),
      gekozen: {oplossingsrichtingen: data.oplossingsrichtingen.map((richting) => richting.id),
        praktijkvoorbeelden: data.praktijkvoorbeelden.map((voorbeeld) => voorbeeld.slug)},
      punten: form.punten, anders: form.anders, notities: form.notities,
      parameters: config.parameters, punt: config.punt, situatieLengte: config.situatie_lengte,
      diagnose: {keys: Diagnose.keys(data), velden: config.diagnose.velden,
        terreinen: data.vocabulaires[config.diagnose.terreinen].termen.map((t) => t.id),
        oordelen: config.diagnose.oordelen.map((oordeel) => oordeel.waarde)},
      cijfers: config.cijfers.map((veld) => veld.sleutel),
      data,
    };
  }

  /* A beleidsdiagnose row with the fields and values this site knows; empty fields are left out. */
  function diagnoseRow(raw, site) {
    const row = {};
    site.diagnose.velden.forEach((veld) => {
      const value = raw[veld.sleutel];
      if (veld.soort === "terreinen") {
        const kept = Staat.inOrder(asList(value), site.diagnose.terreinen);
        if (kept.length) row[veld.sleutel] = kept;
      } else if (veld.soort === "oordeel") {
        if (site.diagnose.oordelen.includes(value)) row[veld.sleutel] = value;
      } else if (asText(value).trim()) {
        row[veld.sleutel] = value;
      }
    });
    return row;
  }

  function sanitize(raw, site) {
    const clean = Staat.empty();
    const ignored = [];
    const P = site.parameters;
    raw = asObject(Migratie.upgrade(asObject(raw), site.data));
    function keep(values, order, naam) {
      const kept = [];
      asList(values).forEach((value) => {
        if (!order.includes(value)) ignored.push({naam, waarde: String(value)});
        else if (!kept.includes(value)) kept.push(value);
      });
      return Staat.inOrder(kept, order);
    }
    function texts(values, keys) {
      const result = {};
      values = asObject(values);
      keys.forEach((key) => { if (asText(values[key])) result[key] = values[key]; });
      return result;
    }
    clean.buurt = asText(raw.buurt);
    clean.datum = DATE.test(asText(raw.datum)) ? raw.datum : "";
    clean.situatie = asText(raw.situatie).slice(0, site.situatieLengte);
    if (raw.casus) {
      if (site.casussen.includes(raw.casus)) clean.casus = raw.casus;
      else ignored.push({naam: P.casus, waarde: String(raw.casus)});
    }
    const keuzes = asObject(raw.keuzes);
    Object.keys(keuzes).forEach((naam) => {
      if (!site.termen.has(naam)) {
        ignored.push({naam, waarde: String(keuzes[naam])});
        return;
      }
      const values = keep(keuzes[naam], site.termen.get(naam), naam);
      if (values.length) clean.keuzes[naam] = values;
    });
    clean.onbekend = keep(raw.onbekend, site.stappen, P.onbekend);
    clean.punten = keep(raw.punten, site.punten, site.punt);
    clean.anders = texts(raw.anders, site.anders);
    clean.notities = texts(raw.notities, site.notities);
    clean.gestopt = raw.gestopt === true;
    const gekozen = asObject(raw.gekozen);
    Object.keys(Staat.KINDS).forEach((list) => {
      clean.gekozen[list] = keep(gekozen[list], site.gekozen[list], Staat.KINDS[list]);
    });
    clean.cijfers = asList(raw.cijfers).map(asObject).map((cijfer) => {
      const kept = {};
      site.cijfers.forEach((veld) => { if (asText(cijfer[veld]).trim()) kept[veld] = cijfer[veld]; });
      return kept;
    }).filter((cijfer) => Object.keys(cijfer).length);
    const diagnose = asObject(raw.beleidsdiagnose);
    const rijen = asObject(diagnose.rijen);
    site.diagnose.keys.filter((key) => has(rijen, key)).forEach((key) => {
      const row = diagnoseRow(asObject(rijen[key]), site);
      if (Object.keys(row).length) clean.beleidsdiagnose.rijen[key] = row;
    });
    if (asText(diagnose.notitie).trim()) clean.beleidsdiagnose.notitie = diagnose.notitie;
    return {state: clean, ignored};
  }

  return {known, sanitize};
});
