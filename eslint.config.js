// ESLint (flat config): one JavaScript dialect for every script of the site, ES2020 as classic scripts
// (no ES modules: those do not load from file://, and the offline bundle must work). `npm test` runs it.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

const dialect = {
  ...js.configs.recommended.rules,
  "no-var": "error",
  "prefer-const": "error",
  "prefer-arrow-callback": "error",
  "object-shorthand": ["error", "properties"],
  "arrow-parens": ["error", "always"],
  "max-len": ["error", {code: 120}],  // as ruff's line-length
  "no-undef": "error",
};

module.exports = [
  {ignores: ["site/**", "site-*/**", ".site-*/**", ".venv/**", ".venv-properdocs/**", ".properdocs/**", ".cache/**",
    "node_modules/**", "docs/assets/javascripts/vendor/**"]},
  {
    // The site's scripts. The small modules also run in node (tests/js/): their one header uses
    // `module` and `require` only when they exist.
    files: ["docs/assets/javascripts/**/*.js", "macros/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {...globals.browser, module: "readonly", require: "readonly"},
    },
    rules: {...dialect, strict: ["error", "function"]},
  },
  // The /beheer/ page: Sveltia CMS, js-yaml and our format module are globals there.
  {files: ["macros/beheer.js"],
    languageOptions: {globals: {CMS: "readonly", jsyaml: "readonly", HandreikingYaml: "readonly"}}},
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node},
    rules: {...dialect, strict: ["error", "global"]},
  },
  {
    files: ["ci-checks/**/*.mjs"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: globals.node},
    rules: dialect,
  },
];
