// The site's scripts as node modules (they are classic scripts in the browser, CommonJS modules here),
// and a small data set in the shape of handreiking/tools/export.py for the unit tests.
"use strict";

const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const SCRIPTS = path.join(ROOT, "docs", "assets", "javascripts");

function script(name) {
  return require(path.join(SCRIPTS, `${name}.js`));
}

function vocabulary(naam, ids, extra = {}) {
  return {naam, label: naam[0].toUpperCase() + naam.slice(1),
    termen: ids.map((id, order) => ({id, label: `${naam} ${id}`, order, ...(extra[id] || {})}))};
}

/* The settings of the text analysis (handreiking.tools.tekst.settings), small. */
function textSettings(vocabulary) {
  return {stopwoorden: ["de", "het", "een", "en", "in"], min_deel: 4, min_begin: 3, tikfout_min: 6, tikfout_max: 5,
    gewichten: {woord: 1, begin: 0.8, synoniem: 0.8, tikfout: 0.6, deel: 0.6, verwant: 0.5},
    synoniemen: [{woorden: ["gesprek", "dialoog"], verwant: ["debat"]}], woorden: vocabulary,
    velden: {titel: 3, samenvatting: 2, methodieken: 1.5, gemeente: 1, beschrijving: 1, labels: 0.5},
    korte_velden: ["titel", "samenvatting", "methodieken", "gemeente"],
    labels: ["oplossingsrichting", "locatie", "doelgroep", "problematiek"]};
}

/* A site with four praktijkvoorbeelden; every test gets a fresh copy. */
function smallData() {
  const voorbeeld = (slug, fields) => ({slug, titel: `Titel ${slug}`, samenvatting: "", methodieken: [],
    gemeente: null, oplossingsrichtingen: [], locaties: [], doelgroepen: [], problematiek: [], status: "loopt",
    url: `praktijkvoorbeelden/${slug}/`, aanpak: [], voor_buurten_met: null, zoekwoorden: "", ...fields});
  const data = {
    vocabulaires: {
      oplossingsrichting: vocabulary("oplossingsrichting", ["ontmoeting", "informatie", "weerbaarheid"]),
      locatie: vocabulary("locatie", ["straat", "school", "online"]),
      doelgroep: vocabulary("doelgroep", ["jongeren", "ouders"]),
      problematiek: vocabulary("problematiek", ["overlast", "spanning"], {overlast: {code: "B"}}),
      status: vocabulary("status", ["loopt", "gestopt"]),
      fase: vocabulary("fase", ["vroeg", "escalatie"], {escalatie: {buiten_focus: true}}),
      beleidsterrein: vocabulary("beleidsterrein", ["jeugd", "veiligheid"]),
    },
    praktijkvoorbeelden: [
      voorbeeld("a", {titel: "Buurtgesprek in de straat", gemeente: "Enschede", oplossingsrichtingen: ["ontmoeting"],
        locaties: ["straat"], doelgroepen: ["jongeren"], problematiek: ["overlast"], aanpak: ["samen"],
        zoekwoorden: "bewoners spreken elkaar wekelijks"}),
      voorbeeld("b", {titel: "Financiële weerbaarheid", samenvatting: "Ouders en school", locaties: ["school"],
        oplossingsrichtingen: ["weerbaarheid"], doelgroepen: ["ouders", "jongeren"], problematiek: ["spanning"]}),
      voorbeeld("c", {titel: "Online dialoog", methodieken: ["Dialoog"], locaties: ["online", "straat"],
        oplossingsrichtingen: ["informatie", "ontmoeting"], problematiek: ["overlast", "spanning"],
        voor_buurten_met: {doelgroepen: ["ouders"], locaties: []}}),
      voorbeeld("d", {titel: "Gestopt project", status: "gestopt", locaties: ["straat"], problematiek: ["overlast"],
        oplossingsrichtingen: ["ontmoeting"]}),
    ],
    oplossingsrichtingen: [
      {id: "ontmoeting", wanneer: {altijd: false, bij_ontbrekende_informatie: false, problematiek: ["overlast"],
        locaties: ["straat"], toelichting: ""}, checklists: []},
      {id: "informatie", wanneer: {altijd: false, bij_ontbrekende_informatie: true, problematiek: [], locaties: [],
        toelichting: ""}, checklists: []},
      {id: "weerbaarheid", wanneer: {altijd: true, bij_ontbrekende_informatie: false, problematiek: ["spanning"],
        locaties: [], toelichting: "Altijd."}, checklists: ["luisteren"]},
    ],
    casussen: [{slug: "noord", nummer: 1, titel: "Noord"}],
    checklists: [
      {slug: "luisteren", titel: "Luisteren", stap: "3", vraag: "Wat leeft er?", url: "checklists/luisteren/",
        oplossingsrichting: "weerbaarheid", bij_problematiek: ["spanning"], zoekwoorden: "luisteren gesprek bewoners",
        secties: [{titel: null, koppeling: null, items: []}]},
      {slug: "regels", titel: "Vuistregels", stap: "4.2", vraag: "Volgt u de regels?", url: "checklists/regels/",
        oplossingsrichting: null, bij_problematiek: [], zoekwoorden: "regels",
        secties: [{titel: null, koppeling: null, items: [
          {tekst: "Samen gaat voor alleen.", vuistregel: {id: "samen", kort: "samenwerking",
            voldoet: {aanpak: ["samen"]}, voldoet_niet: {aanpak: ["alleen"]}, geldt_bij: {}}},
          {tekst: "Bij spanning: op de straat.", vuistregel: {id: "straat", kort: "op straat",
            voldoet: {locaties: ["straat"]}, voldoet_niet: {}, geldt_bij: {problematiek: ["spanning"]}}}]}]},
    ],
    velden: {oplossingsrichting: "oplossingsrichtingen", locatie: "locaties", doelgroep: "doelgroepen",
      problematiek: "problematiek", status: "status", aanpak: "aanpak"},
    interventiewijzer: {
      facetten: [
        {naam: "oplossingsrichting", veld: "oplossingsrichtingen", verborgen: []},
        {naam: "locatie", veld: "locaties", verborgen: []},
        {naam: "doelgroep", veld: "doelgroepen", verborgen: []},
        {naam: "status", veld: "status", verborgen: ["gestopt"]},
      ],
      zoekparameter: "q",
    },
    buurtanalyse: {
      stappen: [{nummer: "2.1", titel: "2.1 Een"}, {nummer: "2.2", titel: "2.2 Twee"}],
      vocabulaires: ["locatie", "doelgroep", "problematiek", "fase"],
      gedeeld: ["problematiek", "locatie", "doelgroep"],
      voorgesteld: "oplossingsrichting",
      gewichten: {problematiek: 1, oplossingsrichting: 1, locatie: 0.5, doelgroep: 0.5, woorden: 0.8, vuistregel: 0.25,
        bijkomend: 0.5},
      eerste: 2,
      woord_min_idf: 0.1,
      precisie: 1e6,
      situatie_lengte: 300,
      stelt_voor: {"triggers-1-1": ["informatie"]},
      verborgen_status: "gestopt",
      parameters: {onbekend: "onbekend", casus: "casus", gestopt: "gestopt", situatie: "situatie"},
      punt: "punt",
      diagnose: {
        probleem: "problematiek", anders: "checklist-a", terreinen: "beleidsterrein",
        oordelen: [{waarde: "ja", label: "Ja"}, {waarde: "deels", label: "Deels"}, {waarde: "nee", label: "Nee"},
          {waarde: "onbekend", label: "Weten we niet"}],
        velden: [
          {sleutel: "terreinen", soort: "terreinen", vraag: 1, kop: "Regulier beleid", label: "Welk beleid?"},
          {sleutel: "huidig", soort: "tekst", vraag: 2, kop: "Huidig", label: "Wat loopt er?"},
          {sleutel: "gedekt", soort: "oordeel", vraag: 2, kop: "Gedekt", label: "Gedekt?"},
          {sleutel: "ontbreekt", soort: "tekst", vraag: 3, kop: "Ontbreekt", label: "Wat ontbreekt?"},
          {sleutel: "nodig", soort: "tekst", vraag: 4, kop: "Nodig", label: "Wie is nodig?"},
          {sleutel: "betrokken", soort: "oordeel", vraag: 4, kop: "Betrokken", label: "Betrokken?"},
        ],
      },
      cijfers: [{sleutel: "wat", label: "Gegeven"}, {sleutel: "waarde", label: "Waarde"},
        {sleutel: "bron", label: "Bron"}],
      formulier: SMALL_FORM,
    },
  };
  // The vocabulary: every word of the small site, as the export lists it.
  const Tekst = script("handreiking-tekst");
  const words = new Set(["buurt", "gesprek", "dialoog", "debat", "luisteren", "bewoners"]);
  data.praktijkvoorbeelden.forEach((v) => {
    Tekst.words([v.titel, v.samenvatting, v.gemeente || "", v.zoekwoorden, ...v.methodieken].join(" "))
      .forEach((word) => { words.add(word); });
  });
  data.tekst = textSettings(Array.from(words).sort());
  return data;
}

/* What the buurtanalyse form of smallData offers (data.buurtanalyse.formulier). */
const SMALL_FORM = {
  punten: ["triggers-1-1", "triggers-1-2"],
  anders: ["checklist-a"],
  notities: ["2.1", "2.2"],
};

/* An analysis of smallData with every part filled in, in its clean form. */
function fullState() {
  return {versie: 2, buurt: "Noord", datum: "2026-11-29", casus: "noord", situatie: "petitie en informatieavond",
    keuzes: {locatie: ["straat", "online"], problematiek: ["overlast"]},
    onbekend: ["2.2"], punten: ["triggers-1-2"], anders: {"checklist-a": "Leegstand"}, notities: {"2.1": "notitie"},
    gestopt: true, gekozen: {oplossingsrichtingen: ["informatie"], praktijkvoorbeelden: ["c"]},
    cijfers: [{wat: "Werkloosheid", waarde: "12%", bron: "Monitor 2025"}, {waarde: "3"}],
    beleidsdiagnose: {notitie: "Algemeen: één lijn\nen nog een", rijen: {
      "problematiek:overlast": {terreinen: ["jeugd", "veiligheid"], huidig: "Jongerenwerk \"De Plek\"",
        gedekt: "deels", ontbreekt: "Avondopenstelling; geld", nodig: "Wijkagent, jongerenwerk", betrokken: "nee"},
      "anders:checklist-a": {gedekt: "onbekend"},
    }}};
}

module.exports = {ROOT, script, smallData, SMALL_FORM, fullState};
