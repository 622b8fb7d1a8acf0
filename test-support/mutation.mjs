#!/usr/bin/env node
// `pnpm mutation [package]`: StrykerJS over one package's evaluator, emit paths or proofs (see stryker.config.mjs).
// Property tests run a hundredth of their cases (at least 20 runs) per mutant (RAMPART_PROPERTY_SCALE) so that one run fits in an afternoon on 2 cores.
import { spawnSync } from "node:child_process";

const pkg = process.argv[2] ?? "core";
const env = { ...process.env, RAMPART_MUTATION_PACKAGE: pkg, RAMPART_PROPERTY_SCALE: process.env.RAMPART_PROPERTY_SCALE ?? "0.01" };
const result = spawnSync("pnpm", ["exec", "stryker", "run", "stryker.config.mjs", ...process.argv.slice(3)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
