/*
 * The site search over the index of handreiking/tools/zoekindex.py, with the site's Dutch text analysis
 * (handreiking-tekst.js): a query word finds its stem, longer words that start with it, the parts of
 * compounds, synonyms and, with one typo, the word meant. Every word of the query must be found (AND).
 *
 *   const search = HandreikingZoeken.create(window.HANDREIKING_ZOEKINDEX);
 *   search.run("moskee informatieavond")   // [{pagina, location, titel, sectie, score, fragment, woorden}]
 *
 * One result per page (its best section), best first; a title counts IN_TITLE_WEIGHT times a text, and a
 * page counts its weight from the index (a praktijkvoorbeeld more, an overview less). fragment is the
 * text around the first word the query found, as [{tekst, treffer}] parts, so the page shows the word;
 * woorden are the words of the site that were found (for ?h= on the result's link).
 * A classic script (no ES module) so that it also runs from file://; in node (tests/js/) a CommonJS module.
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./handreiking-tekst.js"));
  else globalThis.HandreikingZoeken = factory(globalThis.HandreikingTekst);
})((Tekst) => {
  "use strict";

  const IN_TITLE_WEIGHT = 5;
  const FRAGMENT = 160;  // characters of text around the first word found
  const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

  function create(index) {
    const words = Object.keys(index.woorden).sort();
    const analysis = Tekst.create(words, index.tekst);
    const weights = index.tekst.gewichten;
    const byStem = new Map();
    const byPart = new Map();
    function add(map, key, word) {
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(word);
    }
    // A section's page title: the title of the document without an anchor.
    const pageTitles = new Map(index.documenten.filter((doc) => !doc[0].includes("#")).map((doc) => [doc[0], doc[1]]));
    words.forEach((word) => {
      add(byStem, Tekst.stem(word), word);
      analysis.split(word).forEach((part) => { add(byPart, Tekst.stem(part), word); });
    });

    /* doc -> relevance of one word of the site: title and how often in the text. */
    function postings(word) {
      const list = index.woorden[word];
      const found = new Map();
      for (let i = 0; i < list.length; i += 2) {
        const inTitle = list[i + 1] >= index.in_titel;
        const count = list[i + 1] % index.in_titel;
        found.set(list[i], (inTitle ? IN_TITLE_WEIGHT : 0) + (count ? 1 + Math.log(count) : 0));
      }
      return found;
    }

    /* The words of the site starting with prefix. */
    function startingWith(prefix) {
      let low = Tekst.lowerBound(words, prefix);
      const found = [];
      while (low < words.length && words[low].startsWith(prefix)) found.push(words[low++]);
      return found;
    }

    /* doc -> [score, words found] for one term (a stem): the words with that stem or with it as a part. */
    function termDocs(term) {
      const found = new Map();
      (byStem.get(term) || []).concat(byPart.get(term) || []).forEach((word) => {
        postings(word).forEach((value, doc) => {
          const entry = found.get(doc) || [0, []];
          entry[0] = Math.max(entry[0], value);
          entry[1].push(word);
          found.set(doc, entry);
        });
      });
      return found;
    }

    /* doc -> [score, words found] for one query word: its best way of matching in that document. */
    function wordDocs(queryWord) {
      const best = new Map();
      function offer(doc, value, found) {
        const entry = best.get(doc);
        if (!entry || value > entry[0]) best.set(doc, [value, found]);
      }
      function fromWords(list, weight) {
        list.forEach((word) => {
          postings(word).forEach((value, doc) => { offer(doc, weight * value, [word]); });
        });
      }
      fromWords(byStem.get(queryWord.stam) || [], weights.woord);
      if (queryWord.woord.length >= index.tekst.min_begin) fromWords(startingWith(queryWord.woord), weights.begin);
      fromWords(byPart.get(queryWord.stam) || [], weights.deel);
      queryWord.varianten.forEach((variant) => {
        const perTerm = variant.termen.map(termDocs);
        perTerm[0].forEach((first, doc) => {
          if (!perTerm.every((map) => map.has(doc))) return;
          const value = Math.min(...perTerm.map((map) => map.get(doc)[0]));
          offer(doc, weights[variant.soort] * value, [].concat(...perTerm.map((map) => map.get(doc)[1])));
        });
      });
      return best;
    }

    /* The text around the first word found, as parts, each marked when it is a word found. */
    function fragment(text, found) {
      const tokens = [];
      let match;
      TOKEN.lastIndex = 0;
      while ((match = TOKEN.exec(text)) !== null) {
        const hit = Tekst.words(match[0]).some((word) => found.has(word));
        tokens.push({start: match.index, end: match.index + match[0].length, hit});
      }
      const first = tokens.find((token) => token.hit);
      let start = first ? Math.max(0, first.start - FRAGMENT / 3) : 0;
      if (start > 0) {
        const space = text.indexOf(" ", start);
        start = space !== -1 && space < (first ? first.start : start) ? space + 1 : start;
      }
      const end = Math.min(text.length, start + FRAGMENT);
      const parts = [];
      let at = start;
      tokens.filter((token) => token.hit && token.start >= start && token.end <= end).forEach((token) => {
        if (token.start > at) parts.push({tekst: text.slice(at, token.start), treffer: false});
        parts.push({tekst: text.slice(token.start, token.end), treffer: true});
        at = token.end;
      });
      if (at < end) parts.push({tekst: text.slice(at, end), treffer: false});
      if (start > 0) parts.unshift({tekst: "\u2026", treffer: false});
      if (end < text.length) parts.push({tekst: "\u2026", treffer: false});
      return parts;
    }

    function run(query) {
      const queryWords = analysis.query(query || "");
      if (!queryWords.length) return [];
      let scores = null;
      queryWords.forEach((queryWord) => {
        const docs = wordDocs(queryWord);
        const next = new Map();
        docs.forEach((entry, doc) => {
          if (scores && !scores.has(doc)) return;
          const before = scores ? scores.get(doc) : [0, []];
          next.set(doc, [before[0] + entry[0], before[1].concat(entry[1])]);
        });
        scores = next;
      });
      // One result per page: its best section; pages in the order of the index on a tie.
      const pages = new Map();
      scores.forEach((entry, doc) => {
        const [location, titel, text, weight] = index.documenten[doc];
        const pagina = location.split("#")[0];
        const score = entry[0] * weight;
        const known = pages.get(pagina);
        if (!known || score > known.score || (score === known.score && doc < known.doc)) {
          pages.set(pagina, {pagina, location, titel, text, doc, score, found: new Set(entry[1])});
        }
      });
      return Array.from(pages.values())
        .sort((a, b) => b.score - a.score || a.doc - b.doc)
        .map((page) => {
          const titel = pageTitles.get(page.pagina) || page.titel;
          return {pagina: page.pagina, location: page.location, titel, sectie: titel === page.titel ? null : page.titel,
            score: page.score, fragment: fragment(page.text, page.found), woorden: Array.from(page.found).sort()};
        });
    }

    return {run, analysis};
  }

  return {create};
});
