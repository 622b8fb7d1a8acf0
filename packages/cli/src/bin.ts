#!/usr/bin/env node
import { dirname, sep } from "node:path";
import { text } from "node:stream/consumers";
import { useColour } from "./colour.js";
import { enableCompileCache } from "./compile-cache.js";
import { EXIT } from "@rampart/pipeline/exit-codes";

// Built as CommonJS only (dist/bin.cjs; dist/bin.js loads it): Node 20 can hand V8 a code cache for
// CommonJS modules, not for ES modules. The cache covers rampart's own packages: this one's siblings
// (`packages/*` in the repository, `node_modules/@rampart/*` once installed) or any `@rampart` folder.
const packages = dirname(dirname(__dirname)) + sep;
const cache = enableCompileCache((file) => file.endsWith(".cjs") && (file.startsWith(packages) || file.includes(`${sep}@rampart${sep}`)));
// Saved at exit, when the run has compiled the functions it needs (and what it compiled goes in the cache).
if (cache) process.once("exit", cache.save);

const argv = process.argv.slice(2);
// A closed pipe (`rampart … | head`) ends the run quietly, as other Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? EXIT.ok);
});
const io = {
  out: (line: string) => void process.stdout.write(`${line}\n`),
  err: (line: string) => void process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  stdin: () => text(process.stdin),
  // Diagnostics go to stderr and results to stdout: colour only when both are terminals.
  color: useColour(process.env, process.stdout.isTTY === true && process.stderr.isTTY === true, argv.includes("--no-color")),
};

import("./main.js")
  .then(({ main }) => main(argv, io))
  .catch((error: unknown) => {
    process.stderr.write(`rampart: ${String(error)}\n`);
    return EXIT.internal;
  })
  .then((code) => (process.exitCode = code));
