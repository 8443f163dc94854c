/*
 * The advice of the buurtanalyse: the rules of handreiking/advies.py in the browser.
 *
 *   var advies = HandreikingAdvies.advise(window.HANDREIKING,
 *     {keuzes: {locatie: ["publieke-ruimte"], problematiek: ["overlast-jeugd"]}, onbekend: ["2.3"], ookGestopt: false});
 *   advies.buitenFocus          chosen fasen the handreiking is not meant for (buiten_focus), in vocabulary order
 *   advies.oplossingsrichtingen [{id, altijd, onbekend, problematiek, locaties}] in site order, with their reasons
 *   advies.praktijkvoorbeelden  [{slug, gedeeld: {locatie: [...], ...}, score, inRichting}] best first
 *
 * An oplossingsrichting applies when its wanneer says altijd; or bij_ontbrekende_informatie and some step is
 * marked "weten we niet"; or a chosen problematiek is in wanneer.problematiek and wanneer.locaties is empty or
 * holds a chosen locatie. Praktijkvoorbeelden: score = shared chosen values of the ranking vocabularies; score
 * at least 1; the hidden status only when asked; order by score, then belonging to a suggested
 * oplossingsrichting, then site order. Vocabularies, fields and rules all come from the data.
 * A classic script (no ES module) so that it also runs from file://.
 */
(function (global) {
  "use strict";

  function intersect(values, chosen) {
    return (values || []).filter(function (value) { return chosen.has(value); });
  }

  function advise(data, answers) {
    var keuzes = answers.keuzes || {};
    function chosen(naam) { return new Set(keuzes[naam] || []); }
    var config = data.buurtanalyse;

    var fasen = chosen("fase");
    var buitenFocus = data.vocabulaires.fase.termen
      .filter(function (term) { return term.buiten_focus && fasen.has(term.id); })
      .map(function (term) { return term.id; });

    var problematiek = chosen("problematiek");
    var locaties = chosen("locatie");
    var onbekend = (answers.onbekend || []).slice().sort();
    var richtingen = [];
    data.oplossingsrichtingen.forEach(function (richting) {
      var wanneer = richting.wanneer;
      var matchedProblematiek = intersect(wanneer.problematiek, problematiek);
      var matchedLocaties = intersect(wanneer.locaties, locaties);
      var byAnswers = matchedProblematiek.length > 0 && (wanneer.locaties.length === 0 || matchedLocaties.length > 0);
      var unknown = wanneer.bij_ontbrekende_informatie ? onbekend : [];
      if (!(wanneer.altijd || unknown.length || byAnswers)) return;
      richtingen.push({id: richting.id, altijd: wanneer.altijd, onbekend: unknown,
        problematiek: byAnswers ? matchedProblematiek : [], locaties: byAnswers ? matchedLocaties : []});
    });

    var suggested = new Set(richtingen.map(function (r) { return r.id; }));
    var fields = {};
    data.interventiewijzer.facetten.forEach(function (facet) { fields[facet.naam] = facet.veld; });
    var ranking = config.rangschikking.map(function (naam) { return {naam: naam, veld: fields[naam], chosen: chosen(naam)}; });
    var found = [];
    data.praktijkvoorbeelden.forEach(function (voorbeeld, position) {
      if (voorbeeld.status === config.verborgen_status && !answers.ookGestopt) return;
      var gedeeld = {};
      var score = 0;
      ranking.forEach(function (entry) {
        gedeeld[entry.naam] = intersect(voorbeeld[entry.veld], entry.chosen);
        score += gedeeld[entry.naam].length;
      });
      if (!score) return;
      var inRichting = voorbeeld.oplossingsrichtingen.some(function (id) { return suggested.has(id); });
      found.push({slug: voorbeeld.slug, gedeeld: gedeeld, score: score, inRichting: inRichting, position: position});
    });
    found.sort(function (a, b) {
      return (b.score - a.score) || (Number(b.inRichting) - Number(a.inRichting)) || (a.position - b.position);
    });
    return {buitenFocus: buitenFocus, oplossingsrichtingen: richtingen, praktijkvoorbeelden: found};
  }

  global.HandreikingAdvies = {advise: advise};
})(window);
