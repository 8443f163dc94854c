/*
 * How the editor at /beheer/ writes a content file: only what the editor changed. No DOM: runs in node too.
 *
 *   const store = HandreikingYaml.store(jsyaml);      // js-yaml: the parser (CORE schema: dates stay text)
 *   store.fromFile(text)     the data of a file, as the CMS shows it; remembers the text as it was
 *   store.toFile(data)       the file for the data the editor saved: the text it was read from, with only
 *                            the top-level fields that changed written anew; a new file in the house style
 *   HandreikingYaml.merge(jsyaml, original, data)     the same for one known original text
 *   HandreikingYaml.format(data)                      a whole file in the house style
 *
 * The CMS hands toFile() only the data, not the file it came from: the store finds the text it read with
 * the most fields equal to the data (an edit changes a few). A wrong guess cannot change the result's data,
 * only its layout: every result is parsed again and must equal the data, or the whole file is written in
 * the house style. The house style is that of the hand-written files: one line per field where it fits,
 * longer text folded (`>-`) at 100 characters, Markdown as a literal block (`|`), lists of ids in brackets
 * (`[a, b]`), other lists one item per line. Empty fields are left out, as editors do by hand.
 * Registered as the collections' file format by beheer.js; tested in node (tests/js/beheer_yaml.test.js).
 */
((factory) => {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else globalThis.HandreikingYaml = factory();
})(() => {
  "use strict";

  const WIDTH = 100;  // the line length of the hand-written files
  const INDENT = "  ";
  const ID = /^[a-z0-9][a-z0-9-]*$/;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  // Plain text that YAML 1.1 (PyYAML, which builds the site) or 1.2 (the CMS) would read as something else.
  const NOT_TEXT = [
    /^(?:~|null|true|false|y|yes|n|no|on|off|=|<<)$/i,
    /^[-+]?(?:\.\d+|\d[\d_]*(?:\.[\d_]*)?)(?:e[-+]?\d+)?$/i,
    /^[-+]?\.(?:inf|nan)$/i,
    /^[-+]?0(?:x[\da-f_]+|o[0-7_]+|b[01_]+)$/i,
    /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,  // YAML 1.1's base 60: 1:20
    /^\d{4}-\d\d?-\d\d?(?:[Tt\s].*)$/,
  ];
  // Characters that a plain or block text cannot hold as they are.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
  const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

  function isEmpty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.every(isEmpty);
    if (typeof value === "object") return Object.values(value).every(isEmpty);
    return false;
  }

  /* The value as it means something: empty fields left out, text without trailing line breaks (a Markdown
     field of the CMS drops the one that `|` keeps). */
  function clean(value) {
    if (typeof value === "string") return value.replace(/\n+$/, "");
    if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(clean);
    if (value && typeof value === "object") {
      const result = {};
      Object.keys(value).forEach((key) => {
        if (!isEmpty(value[key])) result[key] = clean(value[key]);
      });
      return result;
    }
    return value;
  }

  function same(a, b) {
    return JSON.stringify(clean(a)) === JSON.stringify(clean(b));
  }

  function isPlain(text) {
    return text !== "" && text.trim() === text && !UNPRINTABLE.test(text) && !/[\t\n\r]/.test(text)
      && !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/: |:$| #/.test(text)
      && (DATE.test(text) || !NOT_TEXT.some((pattern) => pattern.test(text)));
  }

  function quoted(text) {
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g,
      (character) => "\\u" + character.charCodeAt(0).toString(16).padStart(4, "0"));
  }

  function scalar(value) {
    if (typeof value !== "string") return String(value);
    return isPlain(value) ? value : quoted(value);
  }

  /* Words of one line of text over lines of at most `width`, or null if folding would change the text. */
  function folded(text, width) {
    if (!isBlockSafe(text) || /\n|\s\s|^\s|\s$|\t/.test(text)) return null;
    const lines = [];
    let line = "";
    text.split(" ").forEach((word) => {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    });
    lines.push(line);
    return lines;
  }

  function isBlockSafe(text) {
    return !UNPRINTABLE.test(text) && !/\r/.test(text) && !/^[ \t]/.test(text);
  }

  /* The lines of one `key: value` pair at the given indentation (value not empty). */
  function pair(key, value, indent) {
    const head = indent + key + ":";
    const inner = indent + INDENT;
    if (Array.isArray(value)) {
      const lines = list(value, indent, head.length);
      return [head + lines[0], ...lines.slice(1)];
    }
    if (value && typeof value === "object") {
      return [head, ...Object.keys(value).filter((name) => !isEmpty(value[name]))
        .flatMap((name) => pair(name, value[name], inner))];
    }
    if (typeof value === "string" && value.includes("\n") && isBlockSafe(value)) {
      return [head + " |", ...value.replace(/\n+$/, "").split("\n").map((line) => (line ? inner + line : ""))];
    }
    const line = head + " " + scalar(value);
    if (typeof value === "string" && line.length > WIDTH) {
      const folds = folded(value, WIDTH - inner.length);
      if (folds && folds.length > 1) return [head + " >-", ...folds.map((part) => inner + part)];
    }
    return [line];
  }

  /* A list: [first line's rest, more lines...]. Ids in brackets when they fit on the line. */
  function list(items, indent, headLength) {
    const values = items.filter((item) => !isEmpty(item));
    if (values.every((item) => typeof item === "string" && ID.test(item) && isPlain(item))) {
      const flow = " [" + values.join(", ") + "]";
      if (headLength + flow.length <= WIDTH) return [flow];
    }
    const inner = indent + INDENT;
    const lines = [""];
    values.forEach((item) => {
      if (item && typeof item === "object" && !Array.isArray(item)) {
        const fields = Object.keys(item).filter((name) => !isEmpty(item[name]))
          .flatMap((name) => pair(name, item[name], inner + INDENT));
        lines.push(inner + "- " + fields[0].slice(inner.length + INDENT.length), ...fields.slice(1));
      } else {
        lines.push(inner + "- " + scalar(item));
      }
    });
    return lines;
  }

  function format(data) {
    return Object.keys(data).filter((key) => !isEmpty(data[key]))
      .map((key) => pair(key, data[key], "").join("\n") + "\n").join("");
  }

  /* The original text cut at its top-level fields: {head, fields: [{key, text}]}. A field's text runs
     to the next line that starts a top-level field, so comments and blank lines stay with the field above. */
  function sections(text) {
    const result = {head: "", fields: []};
    text.split(/(?<=\n)/).forEach((line) => {
      const key = /^([^\s#'"\-?:][^:\s]*):(?:[ \t]|\r?\n|$)/.exec(line);
      if (key) result.fields.push({key: key[1], text: line});
      else if (result.fields.length) result.fields[result.fields.length - 1].text += line;
      else result.head += line;
    });
    return result;
  }

  function merge(jsyaml, original, data) {
    const written = format(data);
    let before;
    try {
      before = jsyaml.load(original, {schema: jsyaml.CORE_SCHEMA});
    } catch {
      return written;
    }
    if (!before || typeof before !== "object" || Array.isArray(before)) return written;
    const parts = sections(original.endsWith("\n") ? original : original + "\n");
    if (parts.fields.some((field) => !(field.key in before))) return written;
    const wanted = Object.keys(data).filter((key) => !isEmpty(data[key]));
    const output = [];
    parts.fields.forEach((field) => {
      const value = data[field.key];
      // An empty field the file already had (`zie_ook: []`) stays as it is.
      if (field.key in data && same(before[field.key], value)) output.push({key: field.key, text: field.text});
      else if (!isEmpty(value)) output.push({key: field.key, text: pair(field.key, value, "").join("\n") + "\n"
        + trailingBlank(field.text)});
    });
    wanted.forEach((key, index) => {
      if (output.some((field) => field.key === key)) return;
      const previous = wanted.slice(0, index).reverse().find((name) => output.some((field) => field.key === name));
      const at = previous === undefined ? 0 : output.findIndex((field) => field.key === previous) + 1;
      output.splice(at, 0, {key, text: pair(key, data[key], "").join("\n") + "\n"});
    });
    const result = parts.head + output.map((field) => field.text).join("");
    return readsAs(jsyaml, result, data) ? result : written;
  }

  function trailingBlank(text) {
    return /\n\n+$/.exec(text) ? /\n\n+$/.exec(text)[0].slice(1) : "";
  }

  function readsAs(jsyaml, text, data) {
    try {
      return same(jsyaml.load(text, {schema: jsyaml.CORE_SCHEMA}), data);
    } catch {
      return false;
    }
  }

  function store(jsyaml) {
    const originals = [];  // [{text, data}] of every file read, newest last
    return {
      fromFile(text) {
        const data = jsyaml.load(text, {schema: jsyaml.CORE_SCHEMA});
        originals.push({text, data});
        return data;
      },
      toFile(data) {
        const keys = Object.keys(data).filter((key) => !isEmpty(data[key]));
        let best = null;
        let bestScore = 0;
        originals.forEach((original) => {
          const score = keys.filter((key) => same(original.data && original.data[key], data[key])).length;
          if (score >= bestScore && score > 0) {
            best = original;
            bestScore = score;
          }
        });
        // Fewer than half the fields in common: a new file, not an edit of an old one.
        if (!best || bestScore * 2 < keys.length) return format(data);
        return merge(jsyaml, best.text, data);
      },
    };
  }

  return {store, merge, format, isPlain, same};
});
