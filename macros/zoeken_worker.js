/* Handreiking: Dutch search without Lunr's stemmer (see docs/toegankelijkheid.md, "Zoeken").
 *
 * Appended to Material's lunr.nl.min.js by macros/search_worker.py after each build, so it
 * runs inside Material's search worker, where the index is built and queried.
 *
 * - Accents: every indexed word and every query word is stored and looked up without
 *   accents, so "coordinator" finds "coördinator" and "één" finds "eén".
 * - Plurals: a plural query word also looks up its singular form. Material already looks
 *   words up as prefixes ("buurt" finds "buurten" and "buurtbemiddeling"), so "bewoners" finds
 *   "bewoner" too. The singular only widens the results, it does not reorder them: pages with
 *   the word as typed come first ("ouderen" reduces to "ouder", which must not put "Ouders" first).
 * - One typo: a word of six letters or more that starts no word on the site is replaced by the
 *   words on the site that differ from it by one letter ("polarizatie" finds "polarisatie"), so
 *   the results, their highlighting and Material's list of matched words stay consistent.
 */
((lunr) => {
  "use strict";
  if (!lunr || !lunr.nl || !lunr.Query || !lunr.Pipeline) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Index side: a pipeline step after Material's (stop word filter only, no stemmer).
  function foldToken(token) {
    return /[\u0080-\uffff]/.test(token.toString()) ? token.update(fold) : token;
  }
  lunr.Pipeline.registerFunction(foldToken, "handreiking-accenten");

  const dutch = lunr.nl;
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
      const stem = word.slice(0, -2);
      return /([bcdfghjklmnpqrstvwxz])\1$/.test(stem) ? stem.slice(0, -1) : stem; // bussen
    }
    if (word.length >= 5 && /[^s']s$/.test(word)) return word.slice(0, -1);    // bewoners
    return word;
  }

  // The index Material builds in this worker: the words on the site, for the typo step.
  let site = null;
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    site = build.apply(this, arguments);
    return site;
  };

  function startsSomeWord(word) {
    return site.tokenSet.intersect(lunr.TokenSet.fromString(word + "*")).toArray().length > 0;
  }

  const TYPO_MIN_LENGTH = 6;
  const TYPO_MAX_WORDS = 5;
  function corrections(words) {
    const found = [];
    words.forEach((word) => {
      site.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, 1)).toArray().forEach((match) => {
        if (found.indexOf(match) === -1) found.push(match);
      });
    });
    return found.sort().slice(0, TYPO_MAX_WORDS);
  }

  // A singular only found through the plural reduction weighs this much less than the typed
  // word: the title boost (1000, mkdocs.yml search plugin defaults) must not lift a page with
  // the singular in its title ("Ouders") above pages with the typed word in their text.
  const SINGULAR_WEIGHT = 1e-4;

  const WORD = /^[\p{L}\p{N}'.]+$/u;
  const clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (spec) {
    const parts = typeof spec.term === "string" && /^(\*?)(.*?)(\*?)$/.exec(spec.term);
    if (!parts || !WORD.test(parts[2])) return clause.call(this, spec);
    const word = fold(parts[2]);
    const single = singular(word);
    const optional = !spec.presence || spec.presence === lunr.Query.presence.OPTIONAL;
    const variant = (term, boost) => Object.assign({}, spec,
      {term: parts[1] + term + parts[3], boost: (spec.boost || 1) * boost});
    if (!optional) return clause.call(this, variant(single, 1));  // +word, -word: the wider form, as before
    if (site && word.length >= TYPO_MIN_LENGTH && !startsSomeWord(word) && !startsSomeWord(single)) {
      const fixed = corrections(single === word ? [word] : [word, single]);
      if (fixed.length) {
        for (let i = 0; i < fixed.length; i++) clause.call(this, variant(fixed[i], 1));
        return this;
      }
    }
    clause.call(this, variant(word, 1));
    return single === word ? this : clause.call(this, variant(single, SINGULAR_WEIGHT));
  };
})(self.lunr);
