/* The page script of /beheer/ (copied into the site by macros/editor.py). It runs before Sveltia CMS's script:

   - Dutch, whatever the browser's language: the CMS reads its language from its own preferences when its
     script loads, so they start at Dutch (an editor may still choose another language in its settings).
   - Content files are written by beheer_yaml.js: a save changes only the fields that changed, in the
     layout of the hand-written files (the collections name this format in config.yml). The CMS starts
     when the page has loaded; this listener comes first, so the format is there before it reads a file. */
(() => {
  "use strict";
  const settings = JSON.parse(document.getElementById("beheer-instellingen").textContent);
  const PREFERENCES = "sveltia-cms.prefs";
  try {
    const preferences = JSON.parse(localStorage.getItem(PREFERENCES) || "{}");
    if (!preferences.locale) localStorage.setItem(PREFERENCES, JSON.stringify({...preferences, locale: "nl"}));
  } catch {
    // No storage (a private window that refuses it): the CMS follows the browser's language.
  }
  document.addEventListener("DOMContentLoaded", () => {
    const store = HandreikingYaml.store(jsyaml);
    CMS.registerCustomFormat(settings.formaat, "yml", {fromFile: store.fromFile, toFile: store.toFile});
  }, {once: true});
})();
