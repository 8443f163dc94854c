/*
 * The advice of the buurtanalyse: the rules of handreiking/tools/advies.py in the browser.
 *
 *   const advies = HandreikingAdvies.advise(window.HANDREIKING,
 *     {keuzes: {locatie: ["publieke-ruimte"], problematiek: ["overlast-jeugd"]}, onbekend: ["2.3"],
 *      punten: ["triggers-voor-polarisatie-1-4"], ookGestopt: false});
 *   advies.buitenFocus          chosen fasen the handreiking is not meant for (buiten_focus), in vocabulary order
 *   advies.oplossingsrichtingen [{id, altijd, onbekend, problematiek, locaties, punten, gericht}] in site order
 *   advies.praktijkvoorbeelden  [{slug, gedeeld: {locatie: [...], ...}, score, eerst, dekt}] in display order
 *
 * An oplossingsrichting applies when its wanneer says altijd; or bij_ontbrekende_informatie and some step is
 * marked "weten we niet"; or a chosen problematiek is in wanneer.problematiek and wanneer.locaties is empty or
 * holds a chosen locatie; or a ticked checklist item names it (stelt_voor). It is "gericht" when one of the
 * last three holds. A praktijkvoorbeeld shares the chosen values of the ranking vocabularies it carries and
 * the gerichte oplossingsrichtingen it belongs to; score = how many; shown with score at least 1, the hidden
 * status only when asked. Ranking: score, then site order. The first selection covers before it repeats:
 * again and again the one that covers most of the not yet covered chosen values of the cover vocabularies
 * (first in the ranking on a tie), then the best of the ranking up to "eerste"; then the rest by ranking.
 * Vocabularies, fields (data.velden) and rules all come from the data. A classic script (no ES module) so that
 * it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingAdvies = factory();
})(() => {
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

  function covers(treffer, cover) {
    const found = [];
    cover.forEach((naam) => {
      treffer.gedeeld[naam].forEach((value) => { found.push(naam + "\u0000" + value); });
    });
    return found;
  }

  function rank(data, chosen, answers, richtingen) {
    const config = data.buurtanalyse;
    const gericht = new Set(richtingen.filter((r) => r.gericht).map((r) => r.id));
    // The field of each vocabulary from data.velden, not from the wijzer's facets: the advice ranks on
    // vocabularies the wijzer may not filter on.
    const ranking = config.rangschikking.map((naam) => ({naam, veld: data.velden[naam],
      chosen: naam === config.voorgesteld ? gericht : chosen(naam)}));
    const ranked = [];
    data.praktijkvoorbeelden.forEach((voorbeeld) => {
      if (voorbeeld.status === config.verborgen_status && !answers.ookGestopt) return;
      const gedeeld = {};
      let score = 0;
      ranking.forEach((entry) => {
        gedeeld[entry.naam] = intersect(voorbeeld[entry.veld], entry.chosen);
        score += gedeeld[entry.naam].length;
      });
      if (score) ranked.push({slug: voorbeeld.slug, gedeeld, score, eerst: false, dekt: {}});
    });
    // Array.prototype.sort is stable: site order on a tie.
    ranked.sort((a, b) => b.score - a.score);

    const cover = config.dekking;
    const uncovered = new Set();
    ranked.forEach((treffer) => { covers(treffer, cover).forEach((key) => { uncovered.add(key); }); });
    const first = [];
    const rest = ranked.slice();
    while (uncovered.size) {
      let best = 0;
      let bestCount = -1;
      rest.forEach((treffer, i) => {
        const count = covers(treffer, cover).filter((key) => uncovered.has(key)).length;
        if (count > bestCount) { best = i; bestCount = count; }
      });
      const picked = rest.splice(best, 1)[0];
      picked.eerst = true;
      cover.forEach((naam) => {
        picked.dekt[naam] = picked.gedeeld[naam].filter((value) => uncovered.has(naam + "\u0000" + value));
      });
      covers(picked, cover).forEach((key) => { uncovered.delete(key); });
      first.push(picked);
    }
    while (first.length < config.eerste && rest.length) {
      const next = rest.shift();
      next.eerst = true;
      first.push(next);
    }
    return first.concat(rest);
  }

  function advise(data, answers) {
    const keuzes = answers.keuzes || {};
    function chosen(naam) { return new Set(keuzes[naam] || []); }
    const fasen = chosen("fase");
    const buitenFocus = data.vocabulaires.fase.termen
      .filter((term) => term.buiten_focus && fasen.has(term.id))
      .map((term) => term.id);
    const richtingen = suggest(data, chosen, answers);
    return {buitenFocus, oplossingsrichtingen: richtingen,
      praktijkvoorbeelden: rank(data, chosen, answers, richtingen)};
  }

  return {advise};
});
