#!/usr/bin/env node
import module from "node:module";
import { EXIT } from "./exit-codes.js";

// Reuse compiled code across runs where this Node has the cache (≥ 22.1); start-up loads only the command that runs.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const io = {
  out: (text: string) => void process.stdout.write(`${text}\n`),
  err: (text: string) => void process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
};

import("./main.js")
  .then(({ main }) => main(process.argv.slice(2), io))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`rampart: ${String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
