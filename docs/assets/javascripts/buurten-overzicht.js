/*
 * The buurten overview (/buurten/) as data: every buurtanalyse kept in this browser as a row, sorted and filtered,
 * and the rows of its CSV file. No DOM: runs in node too (tests/js/buurten.test.js).
 *
 *   const rows = HandreikingBuurten.rows(entries, data, known)
 *       entries: [{id, gewijzigd, analyse}] (HandreikingOpslag.list()); known: HandreikingOpschonen.known(...)
 *       rows:    [{id, gewijzigd, state, cellen: {kolom: [lines]}, sleutels: {kolom: sort key}}]
 *   HandreikingBuurten.filter(rows, {tekst, problematiek, fase, dekking}, data)   the rows that pass every filter
 *   HandreikingBuurten.sort(rows, kolom, "oplopend" | "aflopend")               a sorted copy (stable)
 *   HandreikingBuurten.csvRows(rows, data, kolommen, form)                       header and cells for HandreikingCsv
 *       kolommen: [{sleutel, kop}] (handreiking/tools/buurten.py); form "standaard" (ids, the keys as headings) or
 *       "spreadsheet" (labels, the koppen as headings). A line per problem per buurt; a buurt without problems
 *       gets one line.
 *   HandreikingBuurten.readFiles(files, kept, known)   the analyses in imported files: {nieuw: [state],
 *       dubbel: [naam], fouten: [{bestand, fout: "json" | "type" | "leeg"}]}
 *
 * The columns of the table: buurt, datum, fase, problematiek, cijfers, oplossingsrichtingen, dekking, gewijzigd.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./buurtanalyse-staat.js"), require("./buurtanalyse-opschonen.js"),
      require("./buurtanalyse-diagnose.js"));
  } else {
    globalThis.HandreikingBuurten = factory(globalThis.HandreikingStaat, globalThis.HandreikingOpschonen,
      globalThis.HandreikingDiagnose);
  }
})((Staat, Opschonen, Diagnose) => {
  "use strict";

  const LIST_SEPARATOR = " | ";  // as in the open data (handreiking/tools/open_data.py)
  const NOT_ANSWERED = "Nog niet ingevuld";
  // The filter on the beleidsdiagnose: a problem not or partly covered, or one whose cover is still open.
  const GAP = ["nee", "deels"];
  const OPEN = ["onbekend", undefined];

  function labelsOf(data, naam) {
    return new Map(data.vocabulaires[naam].termen.map((term) => [term.id, term]));
  }

  function nameOf(state) { return state.buurt.trim() || "Analyse zonder buurtnaam"; }

  /* "B", the label when a term has no letter, or "Anders": short enough for a cell. */
  function shortName(row) { return row.code || (row.id ? row.label : "Anders"); }

  function cijferText(cijfer) {
    const [wat, waarde, bron] = ["wat", "waarde", "bron"].map((key) => (cijfer[key] || "").trim());
    return [wat, waarde].filter(Boolean).join(": ") + (bron ? ` (${bron})` : "");
  }

  function compare(a, b) {
    if (Array.isArray(a)) {
      for (let i = 0; i < a.length; i++) {
        const order = compare(a[i], b[i]);
        if (order) return order;
      }
      return 0;
    }
    if (typeof a === "number") return a - b;
    return String(a).localeCompare(String(b), "nl", {sensitivity: "base", numeric: true});
  }

  /* The problems of an analysis with their row in the beleidsdiagnose. */
  function problems(state, data) {
    return Diagnose.rows(state, data).filter((row) => row.gevonden)
      .map((row) => ({...row, antwoord: state.beleidsdiagnose.rijen[row.key] || {}}));
  }

  function rows(entries, data, known) {
    const fasen = labelsOf(data, "fase");
    const richtingen = labelsOf(data, "oplossingsrichting");
    const faseIds = data.vocabulaires.fase.termen.map((term) => term.id);
    return entries.map((entry) => {
      const state = Opschonen.sanitize(entry.analyse, known).state;
      const found = problems(state, data);
      const fase = state.keuzes.fase || [];
      const gekozen = state.gekozen.oplossingsrichtingen;
      const oordeel = (row) => row.antwoord.gedekt;
      const cellen = {
        buurt: [nameOf(state)],
        datum: state.datum ? [state.datum] : [],
        fase: fase.map((id) => fasen.get(id).label),
        problematiek: found.map((row) => (row.code ? row.code + ". " : "") + row.label),
        cijfers: state.cijfers.map(cijferText),
        oplossingsrichtingen: gekozen.map((id) => richtingen.get(id).label),
        dekking: found.map((row) => shortName(row) + ": " +
          (oordeel(row) ? Diagnose.oordeelLabel(data, oordeel(row)) : NOT_ANSWERED.toLowerCase())),
        gewijzigd: entry.gewijzigd ? [entry.gewijzigd] : [],
      };
      const count = (values) => found.filter((row) => values.includes(oordeel(row))).length;
      // Sort keys: an empty date or phase last when ascending; the most gaps in the policy first when descending.
      const sleutels = {
        buurt: nameOf(state),
        datum: state.datum || "\uFFFF",
        fase: fase.length ? faseIds.indexOf(fase[0]) : faseIds.length,
        problematiek: found.length,
        cijfers: state.cijfers.length,
        oplossingsrichtingen: gekozen.length,
        dekking: [count(["nee"]), count(["deels"]), count(OPEN)],
        gewijzigd: entry.gewijzigd || "",
      };
      return {id: entry.id, gewijzigd: entry.gewijzigd, state, cellen, sleutels, problemen: found};
    });
  }

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function filter(list, filters) {
    const tekst = fold((filters.tekst || "").trim());
    return list.filter((row) => {
      if (tekst && !fold(row.cellen.buurt[0]).includes(tekst)) return false;
      if (filters.problematiek && !row.problemen.some((p) => p.id === filters.problematiek)) return false;
      if (filters.fase && !(row.state.keuzes.fase || []).includes(filters.fase)) return false;
      if (filters.dekking === "gat" && !row.problemen.some((p) => GAP.includes(p.antwoord.gedekt))) return false;
      if (filters.dekking === "open" && !row.problemen.some((p) => OPEN.includes(p.antwoord.gedekt))) return false;
      return true;
    });
  }

  function sort(list, kolom, richting) {
    const sign = richting === "aflopend" ? -1 : 1;
    return list.map((row, i) => [row, i])
      .sort(([a, i], [b, j]) => sign * compare(a.sleutels[kolom], b.sleutels[kolom]) || compare(a.sleutels.buurt,
        b.sleutels.buurt) || i - j)
      .map(([row]) => row);
  }

  /* The cells of one buurt (and one of its problems, or none) for the columns of the CSV. */
  function csvCells(row, problem, data, kolommen, labels) {
    const state = row.state;
    const vocab = (naam, ids) => {
      const terms = labelsOf(data, naam);
      return (ids || []).map((id) => labels ? terms.get(id).label : id);
    };
    const answers = problem ? Diagnose.answers(problem.antwoord, data, labels) : [];
    const values = {
      buurt: [state.buurt.trim()],
      datum: [state.datum],
      gewijzigd: [row.gewijzigd || ""],
      fase: vocab("fase", state.keuzes.fase),
      locaties: vocab("locatie", state.keuzes.locatie),
      doelgroepen: vocab("doelgroep", state.keuzes.doelgroep),
      problematiek: row.problemen.map((p) => labels ? p.label : (p.id || Diagnose.ANDERS)),
      cijfers: state.cijfers.map(cijferText),
      oplossingsrichtingen: vocab("oplossingsrichting", state.gekozen.oplossingsrichtingen),
      praktijkvoorbeelden: state.gekozen.praktijkvoorbeelden.map((slug) => labels
        ? data.praktijkvoorbeelden.find((v) => v.slug === slug).titel : slug),
      probleem: problem ? [labels ? problem.label : (problem.id || Diagnose.ANDERS)] : [],
      notitie: [state.beleidsdiagnose.notitie],
    };
    answers.forEach((answer) => { values[answer.veld] = answer.waarden; });
    return kolommen.map((kolom) => (values[kolom.sleutel] || []).join(LIST_SEPARATOR));
  }

  function csvRows(list, data, kolommen, form) {
    const labels = form === "spreadsheet";
    const header = kolommen.map((kolom) => labels ? kolom.kop : kolom.sleutel);
    const lines = list.flatMap((row) => (row.problemen.length ? row.problemen : [null])
      .map((problem) => csvCells(row, problem, data, kolommen, labels)));
    return [header].concat(lines);
  }

  /* Imported files, [{naam, tekst}], read into clean analyses; one already kept (or twice in the files) once. */
  function readFiles(files, kept, known) {
    const seen = new Set(kept.map((state) => JSON.stringify(Opschonen.sanitize(state, known).state)));
    const result = {nieuw: [], dubbel: [], fouten: []};
    files.forEach((file) => {
      const read = Staat.fromFile(file.tekst);
      if (read.error) {
        result.fouten.push({bestand: file.naam, fout: read.error});
        return;
      }
      if (!read.analyses.length) result.fouten.push({bestand: file.naam, fout: "leeg"});
      read.analyses.forEach((raw) => {
        const state = Opschonen.sanitize(raw, known).state;
        const key = JSON.stringify(state);
        if (seen.has(key)) {
          result.dubbel.push(nameOf(state));
        } else {
          seen.add(key);
          result.nieuw.push(state);
        }
      });
    });
    return result;
  }

  return {LIST_SEPARATOR, rows, filter, sort, csvRows, readFiles, nameOf};
});
