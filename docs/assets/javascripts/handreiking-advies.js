/*
 * The advice of the buurtanalyse: the rules of handreiking/advies.py in the browser.
 *
 *   var advies = HandreikingAdvies.advise(window.HANDREIKING,
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
 * Vocabularies, fields and rules all come from the data. A classic script (no ES module) so that it also
 * runs from file://.
 */
(function (global) {
  "use strict";

  function intersect(values, chosen) {
    return (values || []).filter(function (value) { return chosen.has(value); });
  }

  function suggest(data, chosen, answers) {
    var config = data.buurtanalyse;
    var problematiek = chosen("problematiek");
    var locaties = chosen("locatie");
    var ticked = new Set(answers.punten || []);
    var onbekend = (answers.onbekend || []).slice().sort();
    var richtingen = [];
    data.oplossingsrichtingen.forEach(function (richting) {
      var wanneer = richting.wanneer;
      var matchedProblematiek = intersect(wanneer.problematiek, problematiek);
      var matchedLocaties = intersect(wanneer.locaties, locaties);
      var byAnswers = matchedProblematiek.length > 0 && (wanneer.locaties.length === 0 || matchedLocaties.length > 0);
      var unknown = wanneer.bij_ontbrekende_informatie ? onbekend : [];
      var punten = Object.keys(config.stelt_voor).filter(function (punt) {
        return ticked.has(punt) && config.stelt_voor[punt].indexOf(richting.id) !== -1;
      });
      if (!(wanneer.altijd || unknown.length || byAnswers || punten.length)) return;
      richtingen.push({id: richting.id, altijd: wanneer.altijd, onbekend: unknown,
        problematiek: byAnswers ? matchedProblematiek : [], locaties: byAnswers ? matchedLocaties : [],
        punten: punten, gericht: unknown.length > 0 || byAnswers || punten.length > 0});
    });
    return richtingen;
  }

  function covers(treffer, cover) {
    var found = [];
    cover.forEach(function (naam) {
      treffer.gedeeld[naam].forEach(function (value) { found.push(naam + "\u0000" + value); });
    });
    return found;
  }

  function rank(data, chosen, answers, richtingen) {
    var config = data.buurtanalyse;
    var gericht = new Set(richtingen.filter(function (r) { return r.gericht; }).map(function (r) { return r.id; }));
    var fields = {};
    data.interventiewijzer.facetten.forEach(function (facet) { fields[facet.naam] = facet.veld; });
    var ranking = config.rangschikking.map(function (naam) {
      return {naam: naam, veld: fields[naam], chosen: naam === config.voorgesteld ? gericht : chosen(naam)};
    });
    var ranked = [];
    data.praktijkvoorbeelden.forEach(function (voorbeeld) {
      if (voorbeeld.status === config.verborgen_status && !answers.ookGestopt) return;
      var gedeeld = {};
      var score = 0;
      ranking.forEach(function (entry) {
        gedeeld[entry.naam] = intersect(voorbeeld[entry.veld], entry.chosen);
        score += gedeeld[entry.naam].length;
      });
      if (score) ranked.push({slug: voorbeeld.slug, gedeeld: gedeeld, score: score, eerst: false, dekt: {}});
    });
    // Array.prototype.sort is stable: site order on a tie.
    ranked.sort(function (a, b) { return b.score - a.score; });

    var cover = config.dekking;
    var uncovered = new Set();
    ranked.forEach(function (treffer) { covers(treffer, cover).forEach(function (key) { uncovered.add(key); }); });
    var first = [];
    var rest = ranked.slice();
    while (uncovered.size) {
      var best = 0;
      var bestCount = -1;
      rest.forEach(function (treffer, i) {
        var count = covers(treffer, cover).filter(function (key) { return uncovered.has(key); }).length;
        if (count > bestCount) { best = i; bestCount = count; }
      });
      var picked = rest.splice(best, 1)[0];
      picked.eerst = true;
      cover.forEach(function (naam) {
        picked.dekt[naam] = picked.gedeeld[naam].filter(function (value) { return uncovered.has(naam + "\u0000" + value); });
      });
      covers(picked, cover).forEach(function (key) { uncovered.delete(key); });
      first.push(picked);
    }
    while (first.length < config.eerste && rest.length) {
      var next = rest.shift();
      next.eerst = true;
      first.push(next);
    }
    return first.concat(rest);
  }

  function advise(data, answers) {
    var keuzes = answers.keuzes || {};
    function chosen(naam) { return new Set(keuzes[naam] || []); }
    var fasen = chosen("fase");
    var buitenFocus = data.vocabulaires.fase.termen
      .filter(function (term) { return term.buiten_focus && fasen.has(term.id); })
      .map(function (term) { return term.id; });
    var richtingen = suggest(data, chosen, answers);
    return {buitenFocus: buitenFocus, oplossingsrichtingen: richtingen,
      praktijkvoorbeelden: rank(data, chosen, answers, richtingen)};
  }

  global.HandreikingAdvies = {advise: advise};
})(window);
