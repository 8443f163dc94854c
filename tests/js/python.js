// Running one of the Python scripts beside these tests (the Python reference) and reading the JSON it prints.
"use strict";

const {execFileSync} = require("node:child_process");
const path = require("node:path");
const {ROOT} = require("./scripts.js");

/* The JSON that tests/js/<name>.py prints, run with the project's Python (HANDREIKING_PYTHON, default .venv). */
function fromPython(name) {
  const python = process.env.HANDREIKING_PYTHON || path.join(ROOT, ".venv", "bin", "python");
  const output = execFileSync(python, [path.join(__dirname, `${name}.py`)], {
    cwd: ROOT, env: {...process.env, PYTHONPATH: ROOT}, maxBuffer: 256 * 1024 * 1024, encoding: "utf8",
  });
  return JSON.parse(output);
}

module.exports = {fromPython};
