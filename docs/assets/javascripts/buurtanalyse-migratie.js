/*
 * Analyses saved by an earlier version of the page, brought to the current shape (buurtanalyse-staat.js) before
 * they are cleaned. Nothing a person typed is lost. No DOM: runs in node too.
 *
 *   HandreikingMigratie.upgrade(raw, data)   a new raw object of the current versie (raw itself is not changed)
 *
 * Versie 1 (no "versie" in the browser's storage, "versie": 1 in a file) had a beleidsdiagnose row per chosen
 * oplossingsrichting or praktijkvoorbeeld, {"oplossingsrichting:<id>": {gedekt, volstaat, ontbreekt, partners}};
 * versie 2 has a row per problem (buurtanalyse-diagnose.js). An old row fits the row of a problem when its item
 * concerns exactly one of the problems ticked in the analysis (the oplossingsrichting's "wanneer" problematiek, the
 * praktijkvoorbeeld's problematiek): then "gedekt", "ontbreekt" and "partners" (as "nodig") fill that row's empty
 * fields. Everything else (all of a row that fits no problem, "volstaat", a field already filled) goes into the
 * diagnose's notes, each value with the question it answered and the item it was about.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingMigratie = factory();
})(() => {
  "use strict";

  // The columns of versie 1, as its page asked them; and where each goes in a versie 2 row (null: the notes).
  const V1_COLUMNS = [
    {sleutel: "gedekt", vraag: "Al gedekt door huidig beleid?", veld: "gedekt"},
    {sleutel: "volstaat", vraag: "Volstaat dat?", veld: null},
    {sleutel: "ontbreekt", vraag: "Wat ontbreekt nog?", veld: "ontbreekt"},
    {sleutel: "partners", vraag: "Welke partners zijn nodig?", veld: "nodig"},
  ];
  const V1_OORDELEN = {"Ja": "ja", "Deels": "deels", "Nee": "nee", "Weet niet": "onbekend"};
  const V1_KINDS = {oplossingsrichting: "Oplossingsrichting", praktijkvoorbeeld: "Praktijkvoorbeeld"};
  const NOTE_HEADING = "Uit de beleidsdiagnose van een eerdere versie van deze pagina, per gekozen " +
    "oplossingsrichting of praktijkvoorbeeld:";

  function asObject(value) { return value && typeof value === "object" && !Array.isArray(value) ? value : {}; }
  function asText(value) { return typeof value === "string" ? value.trim() : ""; }

  /* The old row's item: its name and the problems it concerns. */
  function itemOf(key, data) {
    const cut = key.indexOf(":");
    const soort = key.slice(0, cut);
    const id = key.slice(cut + 1);
    if (soort === "oplossingsrichting") {
      const richting = data.oplossingsrichtingen.find((r) => r.id === id);
      if (richting) return {soort, naam: richting.label || id, problemen: richting.wanneer.problematiek};
    } else if (soort === "praktijkvoorbeeld") {
      const voorbeeld = data.praktijkvoorbeelden.find((v) => v.slug === id);
      const veld = data.velden[data.buurtanalyse.diagnose.probleem];
      if (voorbeeld) return {soort, naam: voorbeeld.titel, problemen: voorbeeld[veld]};
    }
    return {soort, naam: id, problemen: []};
  }

  function fromV1(raw, data) {
    const config = data.buurtanalyse.diagnose;
    const terms = data.vocabulaires[config.probleem].termen;
    const ticked = Array.isArray(asObject(raw.keuzes)[config.probleem]) ? raw.keuzes[config.probleem] : [];
    const problems = terms.filter((term) => ticked.includes(term.id));
    const rijen = {};
    const lines = [];
    const old = asObject(raw.beleidsdiagnose);
    Object.keys(old).filter((key) => key.includes(":")).forEach((key) => {
      const item = itemOf(key, data);
      const fits = problems.filter((term) => item.problemen.includes(term.id));
      const target = fits.length === 1 ? fits[0] : null;
      const rest = [];
      let carried = false;
      V1_COLUMNS.forEach((column) => {
        const value = asText(asObject(old[key])[column.sleutel]);
        if (!value) return;
        const waarde = column.veld === "gedekt" ? V1_OORDELEN[value] : value;
        const rowKey = target ? `${config.probleem}:${target.id}` : null;
        if (rowKey && !rijen[rowKey]) rijen[rowKey] = {};
        const row = rowKey ? rijen[rowKey] : null;
        if (row && column.veld && waarde && !(column.veld in row)) {
          row[column.veld] = waarde;
          carried = true;
        } else {
          rest.push(`${column.vraag} ${value}`);
        }
      });
      if (!carried && !rest.length) return;
      const where = carried ? ` (overgenomen bij \u2018${target.label}\u2019)` : "";
      const kind = V1_KINDS[item.soort] || item.soort;
      lines.push(`- ${kind} \u2018${item.naam}\u2019${where}${rest.length ? ": " + rest.join("; ") : ""}`);
    });
    return Object.assign({}, raw, {versie: 2, beleidsdiagnose: {rijen,
      notitie: lines.length ? [NOTE_HEADING].concat(lines).join("\n") : ""}});
  }

  function upgrade(raw, data) {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    return typeof raw.versie === "number" && raw.versie >= 2 ? raw : fromV1(raw, data);
  }

  return {upgrade};
});
