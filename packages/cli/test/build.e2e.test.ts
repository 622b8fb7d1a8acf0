import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { BIN, rampart } from "./run-cli.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform");
const AT = "2026-11-24T00:00:00Z";

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, "utf8");
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-build-"));
  cpSync(join(EXAMPLE, "policies"), join(dir, "policies"), { recursive: true });
  cpSync(join(EXAMPLE, "inventory"), join(dir, "inventory"), { recursive: true });
  cpSync(join(EXAMPLE, "fixtures"), join(dir, "fixtures"), { recursive: true });
  return dir;
}

describe("rampart build", () => {
  it("writes one tree per cluster with kustomization.yaml and report.json, byte-identical on rebuild", () => {
    const dir = workspace();
    const r = rampart(["build", "policies", "-o", "out", "--at", AT], dir);
    expect(r.stderr).toContain("wrote");
    expect(r.code).toBe(0);
    const first = tree(join(dir, "out"));
    for (const c of ["dev", "staging", "prod"]) {
      expect(first[`${c}/kustomization.yaml`]).toContain("kind: Kustomization");
      expect(JSON.parse(first[`${c}/report.json`]!).cluster).toBe(c);
    }
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    expect(tree(join(dir, "out"))).toEqual(first);
  });

  it("names sources relative to the git work tree (or --source-root), whatever folder it runs from", () => {
    const dir = workspace();
    mkdirSync(join(dir, ".git"));
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    const first = tree(join(dir, "out"));
    expect(Object.values(first).join("\n")).toContain("rampart.dev/source: policies/access.yaml:");
    expect(rampart(["build", ".", "-o", "../out2", "--at", AT], join(dir, "policies")).code).toBe(0);
    expect(tree(join(dir, "out2"))).toEqual(first);
    expect(rampart(["build", join(dir, "policies"), "-o", join(dir, "out3"), "--at", AT], tmpdir()).code).toBe(0);
    expect(tree(join(dir, "out3"))).toEqual(first);
    // verify reads the report's positions the same way, from any folder: every under-grant explained.
    const proof = rampart(["verify", ".", "../out", "--at", AT, "-o", "json"], join(dir, "policies"));
    expect(proof.code).toBe(0);
    const clusters = (JSON.parse(proof.stdout) as { clusters: { underGrants: number; unexplained: number }[] }).clusters;
    expect(clusters.some((c) => c.underGrants > 0)).toBe(true);
    expect(clusters.map((c) => c.unexplained)).toEqual([0, 0, 0]);
    const rooted = rampart(["build", "policies", "-o", "out4", "--at", AT, "--source-root", "policies"], dir);
    expect(rooted.code).toBe(0);
    expect(Object.values(tree(join(dir, "out4"))).join("\n")).toContain("rampart.dev/source: access.yaml:");
    const bad = rampart(["build", "policies", "-o", "out5", "--at", AT, "--source-root", "nowhere"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("`--source-root nowhere` is not a directory");
    expect(existsSync(join(dir, "out5"))).toBe(false);
  });

  it("--check: exit 0 when up to date, exit 1 with a summary on drift, and writes nothing", () => {
    const dir = workspace();
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    expect(rampart(["build", "policies", "-o", "out", "--at", AT, "--check"], dir).code).toBe(0);
    writeFileSync(join(dir, "out/dev/report.json"), "{}\n");
    const before = tree(join(dir, "out"));
    const drift = rampart(["build", "policies", "-o", "out", "--at", AT, "--check"], dir);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain("changed dev/report.json");
    expect(drift.stderr).toContain("drift: 1 file differ");
    expect(tree(join(dir, "out"))).toEqual(before);
  });

  it("bad input: exit 2, diagnostics with positions, previous tree untouched", () => {
    const dir = workspace();
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    const before = tree(join(dir, "out"));
    writeFileSync(
      join(dir, "policies/broken.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: broken }\nspec:\n  subjects: [{ group: x }]\n  rules: [{ effect: allow, verbs: [get], resources: [pods], namespace: [a] }]\n",
    );
    const r = rampart(["build", "policies", "-o", "out", "--at", AT], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("policies/broken.yaml:6:61: error: unknown field `namespace`");
    expect(tree(join(dir, "out"))).toEqual(before);
  });

  it("keeps files it did not generate and removes only its own", () => {
    const dir = workspace();
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    writeFileSync(join(dir, "out/dev/README.md"), "hand-written\n");
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    expect(readFileSync(join(dir, "out/dev/README.md"), "utf8")).toBe("hand-written\n");
  });

  it("a write fault mid-build leaves the previous tree intact", () => {
    const dir = workspace();
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    const before = tree(join(dir, "out"));
    writeFileSync(
      join(dir, "policies/extra.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: extra }\nspec:\n  subjects: [{ user: eve }]\n  rules: [{ effect: allow, verbs: [get], resources: [configmaps], namespaces: [web] }]\n",
    );
    const r = rampart(["build", "policies", "-o", "out", "--at", "2026-11-25T00:00:00Z"], dir, { RAMPART_FAULT_AFTER_WRITES: "3" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("injected write fault");
    expect(tree(join(dir, "out"))).toEqual(before);
  });

  it("killed mid-write: the process dies by SIGKILL, its staging tree is left aside, the previous tree stays intact, and the next build cleans up and writes the changed input", async () => {
    const EXTRA =
      "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: extra }\nspec:\n  subjects: [{ user: eve }]\n  rules: [{ effect: allow, verbs: [get], resources: [configmaps], namespaces: [web] }]\n";
    const dir = workspace();
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    const before = tree(join(dir, "out"));
    // The input changes, so a build that completed would change the tree.
    writeFileSync(join(dir, "policies/extra.yaml"), EXTRA);
    const expected = workspace();
    writeFileSync(join(expected, "policies/extra.yaml"), EXTRA);
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], expected).code).toBe(0);
    const changed = tree(join(expected, "out"));
    expect(changed).not.toEqual(before);

    // Kill as soon as the build starts staging files (every cluster is staged before any is swapped in).
    const child = spawn(process.execPath, [BIN, "build", "policies", "-o", "out", "--at", AT], { cwd: dir });
    const staging = `.rampart-tmp-`;
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveDone) => {
      const timer = setInterval(() => {
        if (readdirSync(join(dir, "out")).some((n) => n.startsWith(staging))) {
          child.kill("SIGKILL");
          clearInterval(timer);
        }
      }, 1);
      child.on("exit", (code, signal) => {
        clearInterval(timer);
        resolveDone({ code, signal });
      });
    });
    expect(exit).toEqual({ code: null, signal: "SIGKILL" });
    // The staging tree of the killed process is left aside (named with its pid); everything else is the previous tree, byte for byte.
    const after = tree(join(dir, "out"));
    const left = readdirSync(join(dir, "out")).filter((n) => n.startsWith(staging));
    expect(left.length).toBeGreaterThanOrEqual(1);
    for (const name of left) expect(name.endsWith(`-${child.pid}`), name).toBe(true);
    expect(Object.fromEntries(Object.entries(after).filter(([path]) => !path.startsWith(staging)))).toEqual(before);

    // The next build drops the stale staging tree and writes exactly what a clean build of the changed input writes.
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    expect(readdirSync(join(dir, "out")).filter((n) => n.startsWith(".rampart-"))).toEqual([]);
    expect(tree(join(dir, "out"))).toEqual(changed);
  });
});

describe("rampart verify", () => {
  it("proves a fresh build (exit 0) and catches a hand-edited over-grant (exit 1)", () => {
    const dir = workspace();
    expect(rampart(["build", "policies", "-o", "out", "--at", AT], dir).code).toBe(0);
    const ok = rampart(["verify", "policies", "out", "--at", AT, "-o", "json"], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).clusters.map((c: { overGrants: unknown[] }) => c.overGrants.length)).toEqual([0, 0, 0]);
    const file = join(dir, "out/prod/rbac/clusterrole-rampart-monitoring.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("      - endpoints\n", "      - endpoints\n      - secrets\n"));
    const bad = rampart(["verify", "policies", "out", "--at", AT], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('over-grant: {"verb":"get","apiGroup":"","resource":"secrets"');
  });
});
