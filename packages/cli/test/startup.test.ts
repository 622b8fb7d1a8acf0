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
      expect(loaded.filter((u) => !u.startsWith("node:"))).toEqual(["packages/cli/dist/bin.cjs"]);
    }
  });

  it("a command loads the packages it needs, and no other", () => {
    const loaded = imports(["schema"]);
    expect(loaded.filter((u) => u.startsWith("packages/core/dist/"))).toContain("packages/core/dist/index.cjs");
    expect(loaded.filter((u) => /^packages\/(compiler-[a-z]+|pipeline)\/dist\/(index|build)\.c?js$/.test(u))).toEqual([]);
    const build = imports(["build", "examples/platform/policies", "--check", "-o", "examples/platform/out"]);
    expect(build).toContain("packages/compiler-vap/dist/index.cjs");
    // the light subpath: none of learn, diff, report or the live-cluster client
    expect(build.filter((u) => u.startsWith("packages/pipeline/dist/"))).not.toContain("packages/pipeline/dist/index.cjs");
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
