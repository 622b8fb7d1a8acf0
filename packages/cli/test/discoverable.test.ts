import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { COMMANDS } from "../src/commands/index.js";
import { useColour } from "../src/colour.js";
import { closest } from "@rampart/core";
import { folder, run } from "./helpers.js";
import { BIN, rampart } from "./run-cli.js";

const VERSION = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8")).version as string;
const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

describe("--help is generated from the command table", () => {
  it("every option of every command is listed with its description, default and example", async () => {
    let options = 0;
    for (const entry of COMMANDS) {
      const command = await entry.load();
      const help = (await run([entry.name, "--help"], REPO_ROOT)).stdout;
      expect(help.split("\n")[0]).toBe(`usage: ${command.usage.split("\n")[0]}`);
      for (const [name, o] of Object.entries(command.options)) {
        options++;
        expect(o.description, `${entry.name} --${name}`).toMatch(/^[a-z`]/);
        expect(o.example, `${entry.name} --${name}`).toMatch(new RegExp(`(^|\\s)(--${name}|-${o.short ?? "\0"})(\\s|$)`));
        const line = help.split("\n").find((l) => l.startsWith("  ") && l.includes(`--${name}${o.type === "string" ? " <value>" : ""}  `));
        expect(line, `${entry.name} --${name}`).toBeDefined();
        expect(line).toContain(
          `${o.description}${o.multiple && !o.description.endsWith("(repeatable)") ? " (repeatable)" : ""}; default: ${o.default}; e.g. \`${o.example}\``,
        );
        expect(line, "said once").not.toContain("(repeatable) (repeatable)");
        if (o.short) expect(line).toContain(`-${o.short}, --${name}`);
      }
      // Every flag the usage line names is a real option (or a global one).
      for (const flag of command.usage.matchAll(/--([a-z-]+)/g)) expect(Object.keys(command.options), `${entry.name}: ${flag[0]}`).toContain(flag[1]);
    }
    expect(options).toBeGreaterThanOrEqual(90);
  });

  it("`rampart --help` lists every command with its summary", async () => {
    const help = (await run(["--help"], REPO_ROOT)).stdout;
    for (const c of COMMANDS) expect(help).toContain(`  ${c.name.padEnd(12)}  ${c.summary}`);
  });
});

describe("did you mean", () => {
  it("a mistyped command or flag names the closest one, exit 2", async () => {
    const cmd = await run(["chekc", "."], REPO_ROOT);
    expect([cmd.code, cmd.stderr.split(" (commands:")[0]]).toEqual([2, "rampart: unknown command `chekc`; did you mean `check`?"]);
    const flag = await run(["build", ".", "--network-bakend", "np"], REPO_ROOT);
    expect([flag.code, flag.stderr.split("\n")[0]]).toEqual([2, "rampart build: unknown option `--network-bakend`; did you mean `--network-backend`?"]);
    const far = await run(["frobnicate"], REPO_ROOT);
    expect(far.stderr).not.toContain("did you mean");
  });

  it("proposes only plausible typos: one edit away, a swap, or within a third of the word", () => {
    expect(closest("who-cna", ["who-can", "check"])).toBe("who-can");
    expect(closest("lnit", ["lint", "test"])).toBe("lint");
    expect(closest("x", ["eval", "lint"])).toBeUndefined();
    expect(closest("inventroy", ["inventory", "verify"])).toBe("inventory");
    expect(closest("schema", [])).toBeUndefined();
  });
});

describe("completion", () => {
  it("bash: the script parses (`bash -n`) and completes commands and a command's flags", async () => {
    const script = (await run(["completion", "bash"], REPO_ROOT)).stdout;
    const dir = folder({ "c.bash": script });
    expect(spawnSync("bash", ["-n", join(dir, "c.bash")], { encoding: "utf8" }).stderr).toBe("");
    const complete = (words: string) =>
      spawnSync(
        "bash",
        ["-c", `source ${join(dir, "c.bash")}; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _rampart; printf '%s\\n' "\${COMPREPLY[@]}"`],
        { encoding: "utf8" },
      )
        .stdout.trim()
        .split("\n");
    expect(complete("rampart che")).toEqual(["check"]);
    expect(complete("rampart build --net")).toEqual(["--network-backend"]);
    expect(complete("rampart admit --no-")).toEqual(["--no-typescript", "--no-color"]);
  });

  it.runIf(has("zsh"))("zsh: the script parses (`zsh -n`)", async () => {
    const dir = folder({ _rampart: (await run(["completion", "zsh"], REPO_ROOT)).stdout });
    const r = spawnSync("zsh", ["-n", join(dir, "_rampart")], { encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });

  it.runIf(has("fish"))("fish: the script parses (`fish --no-execute`) and names every flag", async () => {
    const script = (await run(["completion", "fish"], REPO_ROOT)).stdout;
    const dir = folder({ "rampart.fish": script });
    const r = spawnSync("fish", ["--no-execute", join(dir, "rampart.fish")], { encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(script).toContain(
      "complete -c rampart -n '__fish_seen_subcommand_from build' -l network-backend -r -d '`np` (NetworkPolicy only) or `cnp` (plus an Admin-tier ClusterNetworkPolicy)'",
    );
  });

  it("an unknown shell is a usage error", async () => {
    const r = await run(["completion", "powershell"], REPO_ROOT);
    expect([r.code, r.stderr.split("\n")[0]]).toEqual([2, "rampart completion: unknown shell `powershell`; use `bash`, `zsh` or `fish`"]);
  });
});

describe("colour", () => {
  it("only on a terminal; off for NO_COLOR, --no-color and TERM=dumb; FORCE_COLOR forces it", () => {
    expect(useColour({}, true, false)).toBe(true);
    expect(useColour({}, false, false)).toBe(false);
    expect(useColour({ NO_COLOR: "1" }, true, false)).toBe(false);
    expect(useColour({ NO_COLOR: "" }, true, false)).toBe(true);
    expect(useColour({}, true, true)).toBe(false);
    expect(useColour({ TERM: "dumb" }, true, false)).toBe(false);
    expect(useColour({ FORCE_COLOR: "1" }, false, false)).toBe(true);
    expect(useColour({ FORCE_COLOR: "1", NO_COLOR: "1" }, false, false)).toBe(false);
  });

  it("colours the severity when on, and `--no-color` turns it off", async () => {
    const dir = folder({ "bad.yaml": "kind: AccessPolicy\n" });
    const on = await run(["check", "."], dir, { color: true });
    expect(on.stderr).toContain("\u001b[1m\u001b[31merror\u001b[39m\u001b[22m");
    const off = await run(["check", ".", "--no-color"], dir, { color: true });
    expect(off.stderr).not.toContain("\u001b[");
    expect(off.stderr).toBe(on.stderr.replace(/\u001b\[\d+m/g, ""));
  });

  it("the built binary writes no colour into a pipe, and colour with FORCE_COLOR", () => {
    const dir = folder({ "bad.yaml": "kind: AccessPolicy\n" });
    expect(rampart(["check", "."], dir).stderr).not.toContain("\u001b[");
    const { NO_COLOR: _, ...env } = process.env;
    const forced = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", env: { ...env, FORCE_COLOR: "1" } }).stderr;
    expect(forced(["check", "."])).toContain("\u001b[31m");
    expect(forced(["check", ".", "--no-color"])).not.toContain("\u001b[");
  });
});

describe("the binaries", () => {
  it("--version is the version in package.json", async () => {
    expect((await run(["--version"], REPO_ROOT)).stdout).toBe(VERSION);
    expect(rampart(["--version"]).stdout).toBe(`${VERSION}\n`);
  });

  it("kubectl-rampart runs the CLI (`kubectl rampart …` calls it with the arguments after `rampart`), and so do the ES module paths", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8"));
    expect(pkg.bin).toEqual({ rampart: "./dist/bin.cjs", "kubectl-rampart": "./dist/kubectl-rampart.cjs" });
    const check = (bin: string) => spawnSync(process.execPath, [bin, "check", join(REPO_ROOT, "examples/platform/policies")], { encoding: "utf8" });
    const expected = check(BIN).stderr.trim().split("\n").at(-1);
    expect(expected).toMatch(/^ok: \d+ documents valid/);
    for (const name of ["kubectl-rampart.cjs", "kubectl-rampart.js", "bin.js"]) {
      const bin = join(REPO_ROOT, "packages/cli/dist", name);
      expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
      const r = check(bin);
      expect([name, r.status, r.stderr.trim().split("\n").at(-1)]).toEqual([name, 0, expected]);
      expect(spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).stdout).toBe(`${VERSION}\n`);
    }
  });
});
