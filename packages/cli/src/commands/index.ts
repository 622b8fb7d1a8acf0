import type { Command } from "../command.js";
import { check } from "./check.js";
import { evalCommand } from "./eval.js";
import { schema } from "./schema.js";

/** Every command, in the order `rampart --help` lists them. */
export const COMMANDS: readonly Command[] = [check, evalCommand, schema];
