/*
 * The site's one Dutch text analysis in the browser: the rules of handreiking/tools/tekst.py (read its
 * docstring), for site search, the interventiewijzer's word search and the buurtanalyse's situatie words.
 *
 *   const analysis = HandreikingTekst.create(vocabulary, data.tekst);   // data.tekst: export of the site
 *   const query = analysis.query("moskee informatieavond");             // [{woord, stam, varianten}]
 *   analysis.match(query[0], analysis.text("Een gebedshuis ..."));       // {soort, gewicht, tekst} or null
 *
 * data.tekst holds the synonyms of content/synoniemen.yml and the weights; none is written here.
 * Needs Snowball's Dutch stemmer (vendor/snowball/dutch-stemmer.js), loaded before this script.
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./vendor/snowball/dutch-stemmer.js"));
  } else {
    globalThis.HandreikingTekst = factory(globalThis.HandreikingSnowballDutch);
  }
})((Snowball) => {
  "use strict";

  const MARKS = /\p{M}/gu;
  const WORD = /[\p{L}\p{N}]+/gu;
  const BEYOND_BMP = /[\uD800-\uDFFF]/;

  /* Lower case without accents, as tekst.normalize: "Moskeeën" -> "moskeeen". */
  function normalize(text) {
    return String(text == null ? "" : text).toLowerCase().normalize("NFKD").replace(MARKS, "");
  }

  function words(text) {
    return normalize(text).match(WORD) || [];
  }

  const stems = new Map();

  /* Snowball's Dutch stem of a normalized word (memoized); words beyond U+FFFF stay as they are. */
  function stem(word) {
    let found = stems.get(word);
    if (found === undefined) {
      found = BEYOND_BMP.test(word) ? word : Snowball.stem(word);
      stems.set(word, found);
    }
    return found;
  }

  /* The first position in a sorted list whose value is not less than value. */
  function lowerBound(sorted, value) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /* Exactly one letter changed, added or left out. */
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    if (a.length === b.length) {
      let differences = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
      return differences === 1;
    }
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    for (let i = 0; i < long.length; i++) {
      if (long.slice(0, i) + long.slice(i + 1) === short) return true;
    }
    return false;
  }

  function group(entry) {
    return {woorden: (entry.woorden || []).map(words), verwant: (entry.verwant || []).map(words)};
  }

  function sameEntry(a, b) {
    return a.length === b.length && a.every((word, i) => word === b[i]);
  }

  /* The other entries (and the related words) when word (and the word after it) is an entry of the group. */
  function expand(entries, word, stam, following) {
    const own = entries.woorden.filter((entry) => (entry.length === 1 && stem(entry[0]) === stam) ||
      (entry.length === 2 && following !== null && entry[0] === word && entry[1] === following));
    if (!own.length) return [];
    const variant = (soort) => (entry) => ({termen: entry.map(stem), soort, tekst: entry.join(" ")});
    return entries.woorden.filter((entry) => !own.some((mine) => sameEntry(mine, entry))).map(variant("synoniem"))
      .concat(entries.verwant.map(variant("verwant")));
  }

  function unique(varianten) {
    const seen = new Set();
    return varianten.filter((variant) => {
      const key = variant.termen.join("\u0000");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /* settings: data.tekst of the export ({stopwoorden, min_deel, min_begin, tikfout_min, tikfout_max,
     gewichten, synoniemen}). */
  function create(vocabulary, settings) {
    const stopwords = new Set(settings.stopwoorden);
    const weights = settings.gewichten;
    const known = new Set(vocabulary);
    const sorted = Array.from(known).sort();
    const knownStems = new Set(sorted.map(stem));
    const groups = settings.synoniemen.map(group);
    const splits = new Map();

    function isKnown(word) { return known.has(word) || knownStems.has(stem(word)); }

    function part(word) {
      return word.length >= settings.min_deel && !stopwords.has(word) && isKnown(word);
    }

    /* The parts of a compound of known words, longest first part first; [] if it is none. */
    function split(word) {
      let found = splits.get(word);
      if (found !== undefined) return found;
      found = [];
      for (let end = word.length - settings.min_deel; end >= settings.min_deel; end--) {
        let head = word.slice(0, end);
        const tail = word.slice(end);
        if (!part(head)) head = head.endsWith("s") && part(head.slice(0, -1)) ? head.slice(0, -1) : "";
        if (!head) continue;
        if (part(tail)) { found = [head, tail]; break; }
        const rest = split(tail);
        if (rest.length) { found = [head].concat(rest); break; }
      }
      splits.set(word, found);
      return found;
    }

    /* A text (a string, or its words) ready for matching. */
    function text(value) {
      const found = new Set(typeof value === "string" ? words(value) : value);
      const stammen = new Set();
      const delen = new Set();
      found.forEach((word) => {
        stammen.add(stem(word));
        split(word).forEach((piece) => { delen.add(stem(piece)); });
      });
      return {woorden: Array.from(found).sort(), stammen, delen};
    }

    function startsSomeWord(prefix) {
      const at = lowerBound(sorted, prefix);
      return at < sorted.length && sorted[at].startsWith(prefix);
    }

    function corrections(word) {
      return sorted.filter((other) => oneEdit(word, other)).slice(0, settings.tikfout_max);
    }

    /* The words of a query (stop words left out, unless there is nothing else) with their variants. */
    function query(value) {
      const typed = words(value);
      const nonStop = typed.filter((word) => !stopwords.has(word));
      const kept = nonStop.length ? nonStop : typed;
      return kept.map((word, index) => {
        let varianten = [];
        const parts = split(word);
        if (parts.length) varianten.push({termen: parts.map(stem), soort: "deel", tekst: parts.join(" + ")});
        const stam = stem(word);
        const following = index + 1 < kept.length ? kept[index + 1] : null;
        groups.forEach((entries) => { varianten = varianten.concat(expand(entries, word, stam, following)); });
        if (word.length >= settings.tikfout_min && !varianten.length && !startsSomeWord(word) &&
            !knownStems.has(stam)) {
          varianten = varianten.concat(corrections(word).map((fixed) =>
            ({termen: [stem(fixed)], soort: "tikfout", tekst: fixed})));
        }
        return {woord: word, stam, varianten: unique(varianten)};
      });
    }

    /* The best way a query word matches a text, or null. */
    function match(queryWord, target) {
      let best = null;
      function offer(soort, tekst) {
        if (best === null || weights[soort] > best.gewicht) best = {soort, gewicht: weights[soort], tekst};
      }
      if (target.stammen.has(queryWord.stam)) {
        offer("woord", target.woorden.find((word) => stem(word) === queryWord.stam));
      } else if (queryWord.woord.length >= settings.min_begin) {
        const started = target.woorden.find((word) => word.startsWith(queryWord.woord));
        if (started !== undefined) offer("begin", started);
      }
      if (target.delen.has(queryWord.stam)) offer("deel", queryWord.woord);
      queryWord.varianten.forEach((variant) => {
        if (variant.termen.every((term) => target.stammen.has(term) || target.delen.has(term))) {
          offer(variant.soort, variant.tekst);
        }
      });
      return best;
    }

    return {known: isKnown, split, text, query, match, startsSomeWord, corrections};
  }

  return {normalize, words, stem, oneEdit, lowerBound, create};
});
