#!/usr/bin/env node
import module from "node:module";
import { text } from "node:stream/consumers";
import { useColour } from "./colour.js";
import { EXIT } from "@rampart/pipeline/exit-codes";

// Reuse V8's compiled code across runs where this Node has the cache (≥ 22.1; Node 20 has none): in
// `NODE_COMPILE_CACHE` or the OS temp directory. An unwritable directory only leaves the cache off.
try {
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
  // no cache this run
}

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
