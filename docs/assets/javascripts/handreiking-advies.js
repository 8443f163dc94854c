/*
 * The advice of the buurtanalyse: the rules of handreiking/tools/advies.py in the browser (read its docstring).
 *
 *   const advies = HandreikingAdvies.advise(window.HANDREIKING,
 *     {keuzes: {locatie: ["publieke-ruimte"], problematiek: ["overlast-jeugd"]}, onbekend: ["2.3"],
 *      punten: ["triggers-voor-polarisatie-1-4"], ookGestopt: false, situatie: "petitie, informatieavond"});
 *   advies.buitenFocus          chosen fasen the handreiking is not meant for (buiten_focus), in vocabulary order
 *   advies.oplossingsrichtingen [{id, altijd, onbekend, problematiek, locaties, punten, gericht}] in site order
 *   advies.praktijkvoorbeelden  [{slug, score, redenen: [{soort, waarden, gewicht, treffers}], tegen: [{soort,
 *                               waarden}], voorgesteld}] in display order: the shortlist (voorgesteld) first
 *   advies.checklists           [{slug, score, redenen}] best first, at most "eerste"
 *   HandreikingAdvies.verdict(regel, voorbeeld)   "voldoet", "voldoet_niet" or "onbekend" for a vuistregel
 *   HandreikingAdvies.vuistregels(data)           the vuistregels of step 4.2, from the checklists
 *   HandreikingAdvies.toets(data, answers, slugs) the chosen praktijkvoorbeelden against every vuistregel:
 *     [{regel: id, geldt: bool, oordelen: [{slug, oordeel, waarden: [[field, id]]}]}] (advies.toets in Python)
 *
 * Weights, vocabularies, fields and rules all come from the data (data.buurtanalyse, data.tekst, the checklists).
 * Scores are rounded to data.buurtanalyse.precisie, as in Python, so both order them the same.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./handreiking-tekst.js"), require("./handreiking-filter.js"));
  } else {
    globalThis.HandreikingAdvies = factory(globalThis.HandreikingTekst, globalThis.HandreikingFilter);
  }
})((Tekst, Filter) => {
  "use strict";

  function intersect(values, chosen) {
    return (values || []).filter((value) => chosen.has(value));
  }

  function suggest(data, chosen, answers) {
    const config = data.buurtanalyse;
    const problematiek = chosen("problematiek");
    const locaties = chosen("locatie");
    const ticked = new Set(answers.punten || []);
    const onbekend = (answers.onbekend || []).slice().sort();
    const richtingen = [];
    data.oplossingsrichtingen.forEach((richting) => {
      const wanneer = richting.wanneer;
      const matchedProblematiek = intersect(wanneer.problematiek, problematiek);
      const matchedLocaties = intersect(wanneer.locaties, locaties);
      const byAnswers = matchedProblematiek.length > 0 &&
        (wanneer.locaties.length === 0 || matchedLocaties.length > 0);
      const unknown = wanneer.bij_ontbrekende_informatie ? onbekend : [];
      const punten = Object.keys(config.stelt_voor)
        .filter((punt) => ticked.has(punt) && config.stelt_voor[punt].includes(richting.id));
      if (!(wanneer.altijd || unknown.length || byAnswers || punten.length)) return;
      richtingen.push({id: richting.id, altijd: wanneer.altijd, onbekend: unknown,
        problematiek: byAnswers ? matchedProblematiek : [], locaties: byAnswers ? matchedLocaties : [],
        punten, gericht: unknown.length > 0 || byAnswers || punten.length > 0});
    });
    return richtingen;
  }

  // --- the parts of a score --------------------------------------------------------------------

  function rounder(data) {
    const precision = data.buurtanalyse.precisie;
    return (value) => Math.floor(value * precision + 0.5) / precision;
  }

  /* "voldoet", "voldoet_niet" or "onbekend": the fields of the praktijkvoorbeeld against the rule. */
  function verdict(regel, voorbeeld) {
    const has = (values) => Object.keys(values || {}).some((name) =>
      (voorbeeld[name] || []).some((value) => values[name].includes(value)));
    if (has(regel.voldoet)) return "voldoet";
    return has(regel.voldoet_niet) ? "voldoet_niet" : "onbekend";
  }

  /* A rule with geldt_bij counts only when the analysis names one of those values. */
  function applies(regel, chosen) {
    const geldtBij = regel.geldt_bij || {};
    return Object.keys(geldtBij).every((naam) => intersect(geldtBij[naam], chosen(naam)).length > 0);
  }

  /* The verdict and the praktijkvoorbeeld's values that decided it (none for "onbekend"). */
  function oordeel(regel, voorbeeld) {
    const found = verdict(regel, voorbeeld);
    const tested = {voldoet: regel.voldoet, voldoet_niet: regel.voldoet_niet}[found] || {};
    const waarden = [];
    Object.keys(tested).forEach((name) => {
      (voorbeeld[name] || []).forEach((value) => { if (tested[name].includes(value)) waarden.push([name, value]); });
    });
    return {slug: voorbeeld.slug, oordeel: found, waarden};
  }

  function toets(data, answers, slugs) {
    const chosen = chooser(answers);
    const bySlug = new Map(data.praktijkvoorbeelden.map((voorbeeld) => [voorbeeld.slug, voorbeeld]));
    const chosenOnes = slugs.filter((slug) => bySlug.has(slug)).map((slug) => bySlug.get(slug));
    return rules(data).map((regel) => ({regel: regel.id, geldt: applies(regel, chosen),
      oordelen: chosenOnes.map((voorbeeld) => oordeel(regel, voorbeeld))}));
  }

  function vuistregels(data) {
    const rules = [];
    data.checklists.forEach((checklist) => {
      checklist.secties.forEach((sectie) => {
        sectie.items.forEach((item) => { if (item.vuistregel) rules.push(item.vuistregel); });
      });
    });
    return rules;
  }

  /* The analysis over the content and each praktijkvoorbeeld's and checklist's texts, made once per data and
     only once her words are there (it stems every word of the site). */
  const prepared = new WeakMap();
  function prepare(data) {
    let found = prepared.get(data);
    if (found) return found;
    const analysis = Tekst.create(data.tekst.woorden, data.tekst);
    const teksten = new Map(data.praktijkvoorbeelden.map((voorbeeld) => {
      const fields = Filter.fields(data, voorbeeld);
      return [voorbeeld.slug, Object.keys(data.tekst.velden).map((name) =>
        ({weight: data.tekst.velden[name], text: analysis.text(fields[name] || [])}))];
    }));
    const checklistTeksten = new Map(data.checklists.map((checklist) =>
      [checklist.slug, analysis.text(checklist.zoekwoorden ? checklist.zoekwoorden.split(" ") : [])]));
    found = {analysis, teksten, checklistTeksten};
    prepared.set(data, found);
    return found;
  }

  const rulesOf = new WeakMap();
  function rules(data) {
    if (!rulesOf.has(data)) rulesOf.set(data, vuistregels(data));
    return rulesOf.get(data);
  }

  function visibleOnes(data, answers) {
    return data.praktijkvoorbeelden.filter((voorbeeld) =>
      voorbeeld.status !== data.buurtanalyse.verborgen_status || answers.ookGestopt);
  }

  /* Her words that say something (idf at least woord_min_idf), their best match per praktijkvoorbeeld, their idf. */
  function herWords(data, answers, visible) {
    if (!(answers.situatie || "").trim()) return {words: [], matches: new Map(), wordIdf: []};
    const round = rounder(data);
    const {analysis, teksten} = prepare(data);
    const all = analysis.query(answers.situatie || "");
    const heaviest = Math.max(...Object.values(data.tekst.velden));
    const found = new Map(visible.map((voorbeeld) => [voorbeeld.slug, all.map((word) => {
      let best = null;
      teksten.get(voorbeeld.slug).forEach((field) => {
        const match = analysis.match(word, field.text);
        if (!match) return;
        const value = round(match.gewicht * field.weight / heaviest);
        if (best === null || value > best[0]) best = [value, match.tekst];
      });
      return best;
    })]));
    const idfs = all.map((word, i) => round(Math.log((visible.length + 1) /
      (visible.filter((voorbeeld) => found.get(voorbeeld.slug)[i]).length + 1))));
    const keep = all.map((word, i) => i).filter((i) => idfs[i] >= data.buurtanalyse.woord_min_idf);
    const matches = new Map(Array.from(found, ([slug, list]) => [slug, keep.map((i) => list[i])]));
    return {words: keep.map((i) => all[i]), matches, wordIdf: keep.map((i) => idfs[i])};
  }

  function rank(data, chosen, answers, richtingen) {
    const config = data.buurtanalyse;
    const weights = config.gewichten;
    const round = rounder(data);
    const regels = rules(data);
    const visible = visibleOnes(data, answers);
    const total = visible.length;
    const idf = (carrying) => round(Math.log((total + 1) / (carrying + 1)));
    const values = (voorbeeld, naam) => voorbeeld[data.velden[naam]] || [];
    const names = config.gedeeld.concat([config.voorgesteld]);
    const sets = {};
    config.gedeeld.forEach((naam) => { sets[naam] = chosen(naam); });
    sets[config.voorgesteld] = new Set(richtingen.filter((r) => r.gericht).map((r) => r.id));
    const rarity = {};
    names.forEach((naam) => {
      rarity[naam] = new Map(Array.from(sets[naam]).map((value) =>
        [value, idf(visible.filter((voorbeeld) => values(voorbeeld, naam).includes(value)).length)]));
    });
    const {words, matches, wordIdf} = herWords(data, answers, visible);
    const carried = {};
    ["problematiek", "locatie"].forEach((naam) => {
      carried[naam] = visible.some((voorbeeld) => values(voorbeeld, naam).some((value) => sets[naam].has(value)));
    });
    const chosenDoelgroepen = chosen("doelgroep");
    const chosenLocaties = chosen("locatie");
    // Suggested for "weten we niet" or a ticked item, not a problematiek: another problematiek does not count against.
    const exempt = new Set(richtingen.filter((r) => r.gericht && !r.problematiek.length).map((r) => r.id));

    const found = [];
    visible.forEach((voorbeeld) => {
      let redenen = [];
      names.forEach((naam) => {
        const own = values(voorbeeld, naam);
        const shared = own.filter((value) => sets[naam].has(value));
        if (!shared.length) return;
        let gewicht;
        if (naam === config.voorgesteld) {
          gewicht = shared.reduce((sum, value) =>
            sum + rarity[naam].get(value) * (value === own[0] ? 1 : weights.bijkomend), 0);
        } else if (naam === "problematiek") {
          gewicht = shared.reduce((sum, value) => sum + rarity[naam].get(value), 0);
        } else {
          gewicht = Math.max(...shared.map((value) => rarity[naam].get(value)));
        }
        redenen.push({soort: naam, waarden: shared, gewicht: round(weights[naam] * gewicht), treffers: []});
      });
      const own = matches.get(voorbeeld.slug) || [];
      const hits = words.map((word, i) => [word.woord, own[i]]).filter((pair) => pair[1]);
      if (!redenen.length && !hits.length) return;
      if (hits.length) {
        const gewicht = own.reduce((sum, match, i) => (match ? sum + wordIdf[i] * match[0] : sum), 0);
        redenen.push({soort: "woorden", waarden: hits.map((pair) => pair[0]), gewicht: round(weights.woorden * gewicht),
          treffers: hits.map((pair) => pair[1][1])});
      }
      const verdicts = regels.filter((regel) => applies(regel, chosen))
        .map((regel) => [regel.id, verdict(regel, voorbeeld)]);
      const met = verdicts.filter((pair) => pair[1] === "voldoet").map((pair) => pair[0]);
      const missed = verdicts.filter((pair) => pair[1] === "voldoet_niet").map((pair) => pair[0]);
      redenen.push({soort: "vuistregel", waarden: met, gewicht: round(weights.vuistregel * met.length), treffers: []});
      redenen.push({soort: "vuistregel_niet", waarden: missed, gewicht: round(-weights.vuistregel * missed.length),
        treffers: []});
      redenen = redenen.filter((reden) => reden.gewicht);
      redenen.sort((a, b) => b.gewicht - a.gewicht);
      const score = round(redenen.reduce((sum, reden) => sum + reden.gewicht, 0));
      const tegen = [];
      const needs = voorbeeld.voor_buurten_met;
      if (needs) {
        const missing = (needs.doelgroepen || []).filter((id) => !chosenDoelgroepen.has(id))
          .concat((needs.locaties || []).filter((id) => !chosenLocaties.has(id)));
        if (missing.length) tegen.push({soort: "voor_buurten_met", waarden: missing});
      }
      ["problematiek", "locatie"].forEach((naam) => {
        if (naam === "problematiek" && exempt.has(voorbeeld.oplossingsrichtingen[0])) return;
        if (carried[naam] && !values(voorbeeld, naam).some((value) => sets[naam].has(value))) {
          tegen.push({soort: naam, waarden: values(voorbeeld, naam).slice()});
        }
      });
      found.push({slug: voorbeeld.slug, score, redenen, tegen, voorgesteld: false});
    });
    // Array.prototype.sort is stable: site order on a tie.
    found.sort((a, b) => (a.tegen.length > 0) - (b.tegen.length > 0) || b.score - a.score);
    found.filter((treffer) => !treffer.tegen.length).slice(0, config.eerste)
      .forEach((treffer) => { treffer.voorgesteld = true; });
    return found;
  }

  function proposeChecklists(data, chosen, answers, richtingen) {
    const config = data.buurtanalyse;
    const weights = config.gewichten;
    const round = rounder(data);
    const problematiek = chosen("problematiek");
    const gericht = new Set(richtingen.filter((r) => r.gericht).map((r) => r.id));
    const tied = new Map();
    data.oplossingsrichtingen.forEach((richting) => {
      if (gericht.has(richting.id)) richting.checklists.forEach((slug) => { tied.set(slug, richting.id); });
    });
    const words = herWords(data, answers, visibleOnes(data, answers)).words;
    const found = [];
    data.checklists.forEach((checklist) => {
      const redenen = [];
      const own = checklist.bij_problematiek.filter((id) => problematiek.has(id));
      if (own.length) {
        redenen.push({soort: "problematiek", waarden: own, gewicht: round(3 * weights.problematiek), treffers: []});
      }
      if (tied.has(checklist.slug) && !checklist.bij_problematiek.length) {
        redenen.push({soort: "oplossingsrichting", waarden: [tied.get(checklist.slug)],
          gewicht: weights.oplossingsrichting, treffers: []});
      }
      if (redenen.length && words.length) {  // her words move a proposed checklist up; they do not propose one
        const {analysis, checklistTeksten} = prepare(data);
        const text = checklistTeksten.get(checklist.slug);
        const hits = words.map((word) => [word.woord, analysis.match(word, text)]).filter((pair) => pair[1]);
        if (hits.length) {
          const gewicht = Math.min(weights.oplossingsrichting,
            weights.woorden * hits.reduce((sum, pair) => sum + pair[1].gewicht, 0) / 2);
          redenen.push({soort: "woorden", waarden: hits.map((pair) => pair[0]), gewicht: round(gewicht),
            treffers: hits.map((pair) => pair[1].tekst)});
        }
      }
      if (!redenen.length) return;
      redenen.sort((a, b) => b.gewicht - a.gewicht);
      found.push({slug: checklist.slug, score: round(redenen.reduce((sum, reden) => sum + reden.gewicht, 0)), redenen});
    });
    found.sort((a, b) => b.score - a.score);
    return found.slice(0, config.eerste);
  }

  /* The chosen ids of a vocabulary, as a set. */
  function chooser(answers) {
    const keuzes = answers.keuzes || {};
    return (naam) => new Set(keuzes[naam] || []);
  }

  function advise(data, answers) {
    const chosen = chooser(answers);
    const fasen = chosen("fase");
    const buitenFocus = data.vocabulaires.fase.termen
      .filter((term) => term.buiten_focus && fasen.has(term.id))
      .map((term) => term.id);
    const richtingen = suggest(data, chosen, answers);
    return {buitenFocus, oplossingsrichtingen: richtingen,
      praktijkvoorbeelden: rank(data, chosen, answers, richtingen),
      checklists: proposeChecklists(data, chosen, answers, richtingen)};
  }

  return {advise, verdict, vuistregels, toets};
});
