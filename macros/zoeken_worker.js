/* Handreiking: Dutch search without Lunr's stemmer (see docs/toegankelijkheid.md, "Zoeken").
 *
 * Appended to Material's lunr.nl.min.js by macros/zoeken_hooks.py after each build, so it
 * runs inside Material's search worker, where the index is built and queried.
 *
 * - Accents: every indexed word and every query word is stored and looked up without
 *   accents, so "coordinator" finds "coördinator" and "één" finds "eén".
 * - Plurals: a plural query word is reduced to its singular form. Material already looks
 *   words up as prefixes ("buurt" finds "buurten" and "buurtbemiddeling"), so the reduced
 *   word still finds the plural, and now also the singular ("bewoners" finds "bewoner").
 */
(function (lunr) {
  "use strict";
  if (!lunr || !lunr.nl || !lunr.Query || !lunr.Pipeline) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Index side: a pipeline step after Material's (stop word filter only, no stemmer).
  function foldToken(token) {
    return /[^\x00-\x7f]/.test(token.toString()) ? token.update(fold) : token;
  }
  lunr.Pipeline.registerFunction(foldToken, "handreiking-accenten");

  var dutch = lunr.nl;
  lunr.nl = function () {
    dutch.apply(this, arguments);
    this.pipeline.add(foldToken);
  };
  // Material removes the stemmer and trimmer by reference (lunr.nl.stemmer, ...): keep them.
  Object.assign(lunr.nl, dutch);

  // Query side: the common Dutch plural endings. Irregular plurals (stad/steden) and a
  // changing vowel (straat/straten) are not recognised; the stemmer would, but it breaks
  // searching for an exact word.
  function singular(word) {
    if (word.length >= 6 && /[^']'s$/.test(word)) return word.slice(0, -2);   // foto's
    if (word.length >= 8 && word.endsWith("eren")) return word.slice(0, -4);   // kinderen
    if (word.length >= 6 && word.endsWith("en")) {                             // buurten, wijken
      var stem = word.slice(0, -2);
      return /([bcdfghjklmnpqrstvwxz])\1$/.test(stem) ? stem.slice(0, -1) : stem; // bussen
    }
    if (word.length >= 5 && /[^s']s$/.test(word)) return word.slice(0, -1);    // bewoners
    return word;
  }

  var WORD = /^[\p{L}\p{N}'.]+$/u;
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    var parts = typeof spec.term === "string" && /^(\*?)(.*?)(\*?)$/.exec(spec.term);
    if (parts && WORD.test(parts[2])) {
      spec.term = parts[1] + singular(fold(parts[2])) + parts[3];
    }
    return clause.call(this, spec);
  };
})(self.lunr);
