/* The preview beside the form at /beheer/: the entry as a page of the site, in the site's own
   stylesheets (registered in beheer.html.j2). Decap's default preview shows vocabulary ids; this
   one shows their labels, taken from the options of the generated config. Copied into the site
   by macros/beheer_hooks.py. React elements (h) escape every text, so no entry text is HTML. */
(function () {
  "use strict";
  var collections = JSON.parse(document.getElementById("beheer-collecties").textContent);

  function label(field, value) {
    var options = field.get("options");
    var option = options && options.find(function (o) { return o.get && o.get("value") === value; });
    return option ? option.get("label") : String(value);
  }

  function text(field, value) {
    if (value !== null && typeof value === "object") {
      return Object.keys(value).map(function (key) { return key + ": " + text(field, value[key]); }).join("; ");
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
    return h("ul", {}, value.map(function (item, index) { return h("li", {key: index}, text(field, item)); }));
  }

  var Preview = createClass({
    render: function () {
      var props = this.props;
      var sections = [];
      props.fields.forEach(function (field) {
        var name = field.get("name");
        var body = name === "titel" ? null : shown(field, props.entry.getIn(["data", name]), props);
        if (body) sections.push(h("section", {key: name}, h("h2", {}, field.get("label")), body));
      });
      return h("article", {className: "md-content__inner md-typeset"},
               h("h1", {}, props.entry.getIn(["data", "titel"]) || ""), sections);
    }
  });

  collections.forEach(function (name) { CMS.registerPreviewTemplate(name, Preview); });
})();
