/* The preview beside the form at /beheer/: the entry as a page of the site, in the site's own
   stylesheets (registered in beheer.html.j2). Decap's default preview shows vocabulary ids; this
   one shows their labels, taken from the options of the generated config. Copied into the site
   by macros/editor.py. React elements (h) escape every text, so no entry text is HTML. */
(() => {
  "use strict";
  const collections = JSON.parse(document.getElementById("beheer-collecties").textContent);

  function label(field, value) {
    const options = field.get("options");
    const option = options && options.find((o) => o.get && o.get("value") === value);
    return option ? option.get("label") : String(value);
  }

  function text(field, value) {
    if (value !== null && typeof value === "object") {
      return Object.keys(value).map((key) => key + ": " + text(field, value[key])).join("; ");
    }
    if (typeof value === "boolean") return value ? "ja" : "nee";
    return label(field, value);
  }

  function shown(field, value, props) {
    if (field.get("widget") === "markdown") return value ? props.widgetFor(field.get("name")) : null;
    if (value === undefined || value === null || value === "") return null;
    value = value.toJS ? value.toJS() : value;
    if (!Array.isArray(value)) return h("p", {}, text(field, value));
    if (!value.length) return null;
    return h("ul", {}, value.map((item, index) => h("li", {key: index}, text(field, item))));
  }

  const Preview = createClass({
    render: function () {
      const props = this.props;
      const sections = [];
      props.fields.forEach((field) => {
        const name = field.get("name");
        const body = name === "titel" ? null : shown(field, props.entry.getIn(["data", name]), props);
        if (body) sections.push(h("section", {key: name}, h("h2", {}, field.get("label")), body));
      });
      return h("article", {className: "md-content__inner md-typeset"},
               h("h1", {}, props.entry.getIn(["data", "titel"]) || ""), sections);
    }
  });

  collections.forEach((name) => { CMS.registerPreviewTemplate(name, Preview); });
})();
