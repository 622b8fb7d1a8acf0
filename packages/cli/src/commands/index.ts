import type { Command } from "../command.js";
import { admitCommand } from "./admit.js";
import { build } from "./build.js";
import { check } from "./check.js";
import { connectivityCommand } from "./connectivity.js";
import { diffCommand } from "./diff.js";
import { evalCommand } from "./eval.js";
import { inventoryCommand } from "./inventory.js";
import { lintCommand } from "./lint.js";
import { reportCommand } from "./report.js";
import { schema } from "./schema.js";
import { test } from "./test.js";
import { verify } from "./verify.js";
import { whoCanCommand } from "./who-can.js";

/** Every command, in the order `rampart --help` lists them. */
export const COMMANDS: readonly Command[] = [check, build, evalCommand, admitCommand, test, lintCommand, whoCanCommand, verify, diffCommand, inventoryCommand, connectivityCommand, reportCommand, schema];
