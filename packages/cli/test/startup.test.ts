import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { COMMANDS } from "../src/commands/index.js";
import { BIN } from "./run-cli.js";

/** The modules `rampart <args>` resolves, from the import trace (paths relative to the repo, node: builtins as is). */
function imports(args: string[]): string[] {
  const r = spawnSync(process.execPath, ["--import", join(__dirname, "fixtures/trace-imports.mjs"), BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  return [...new Set(r.stderr.split("\n").flatMap((l) => (l.startsWith("import ") ? [l.slice(7).replace(`file://${REPO_ROOT}/`, "")] : [])))];
}

describe("start-up", () => {
  it("`--version` and `--help` load the CLI's own start path only: no @rampart package, no command, no schema", () => {
    for (const args of [["--version"], ["--help"]]) {
      const loaded = imports(args);
      expect(loaded.filter((u) => !u.startsWith("packages/cli/dist/") && !u.startsWith("node:"))).toEqual([]);
      expect(loaded.filter((u) => /\/(build|verify|check|eval|schema)-[A-Z0-9]+\.js$/.test(u))).toEqual([]);
    }
  });

  it("a command loads its own module, and the packages it needs", () => {
    const loaded = imports(["schema"]);
    expect(loaded.some((u) => /packages\/cli\/dist\/schema-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    expect(loaded.some((u) => /packages\/cli\/dist\/build-[A-Z0-9]+\.js$/.test(u))).toBe(false);
    expect(loaded.some((u) => u.includes("packages/core/dist/"))).toBe(true);
  });

  it("the command table lists each command under its own name and summary", async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect([command.name, command.summary]).toEqual([entry.name, entry.summary]);
    }
    expect(COMMANDS.map((c) => c.name)).toEqual([
      "check",
      "build",
      "eval",
      "admit",
      "test",
      "lint",
      "who-can",
      "verify",
      "diff",
      "learn",
      "inventory",
      "connectivity",
      "report",
      "completion",
      "schema",
    ]);
  });
});
