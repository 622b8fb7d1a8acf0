import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { writeTestFleet } from "../../../test-support/multi-cluster-fleet.js";
import { rampart } from "./run-cli.js";

const AT = "2026-11-24T00:00:00Z";

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out[relative(dir, join(d, e.name))] = readFileSync(join(d, e.name), "utf8");
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** `rampart build <policies> -o <out> --jobs <jobs>` in `cwd`; stderr with the out folder's name neutralised. */
function build(cwd: string, policies: string, out: string, jobs: number, extra: string[] = []) {
  const r = rampart(["build", policies, "-o", out, "--jobs", String(jobs), "--at", AT, ...extra], cwd);
  return { ...r, stderr: r.stderr.replaceAll(out, "<out>"), tree: tree(join(cwd, out)) };
}

describe("rampart build --jobs (clusters on worker threads)", () => {
  it("writes the example's 3 clusters byte-identical to --jobs 1, with the same diagnostics", () => {
    const { dir } = writeTestFleet({ clusters: 1, policies: 1 });
    const policies = join(REPO_ROOT, "examples/platform/policies");
    const serial = build(dir, policies, "serial", 1);
    const parallel = build(dir, policies, "parallel", 3);
    expect(serial.code).toBe(0);
    expect(Object.keys(serial.tree).length).toBeGreaterThan(100);
    expect(parallel).toEqual(serial);
    expect(serial.stderr).toContain("wrote 113 files for 3 clusters (dev, staging, prod)");
  });

  it("builds a generated fleet with warnings identically with 1, 2 and 4 jobs; check agrees", () => {
    // A module that prints as it loads: once, by the main thread's load, whatever the jobs (workers' copies are dropped).
    const talks = 'console.error("loading talks.ts");\nexport default [];\n';
    const { dir } = writeTestFleet({ clusters: 4, policies: 30, files: { "talks.ts": talks } });
    const serial = build(dir, "policies", "fleet-1", 1);
    expect(serial.code).toBe(0);
    expect(serial.stderr.match(/loading talks\.ts/g)).toHaveLength(1);
    expect(serial.stderr.match(/\[rbac-not-expressible\]/g)).toHaveLength(8);
    for (const c of ["c0", "c1", "c2", "c3"]) expect(serial.tree[`${c}/kustomization.yaml`]).toBeDefined();
    expect(build(dir, "policies", "fleet-2", 2)).toEqual(serial);
    expect(build(dir, "policies", "fleet-4", 4)).toEqual(serial);
    const check = (jobs: string) => rampart(["check", "policies", "--jobs", jobs, "--at", AT, "-o", "json"], dir);
    const checked = check("1");
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout).clusters).toEqual(["c0", "c1", "c2", "c3"]);
    expect(check("2")).toEqual(checked);
  });

  it("reports an unreadable inventory of one cluster exactly as --jobs 1 does, and writes nothing", () => {
    const { dir } = writeTestFleet({ clusters: 4, policies: 12, missingInventory: "c2" });
    const serial = build(dir, "policies", "tree-1", 1);
    expect(serial.code).toBe(2);
    expect(serial.stderr).toMatch(/policies\/clusters\.yaml:5:\d+: error: the inventory `\.\.\/inventory\/c2\.yaml` of Cluster `c2` does not exist/);
    expect(serial.tree).toEqual({});
    expect(build(dir, "policies", "tree-2", 2)).toEqual(serial);
  });

  it("fails with a build-worker error, writing nothing, when a worker thread exits", () => {
    // A policy module that ends the thread it is loaded on, when that is a worker: the main thread loads it fine.
    const exits = 'import { isMainThread } from "node:worker_threads";\nif (!isMainThread) process.exit(7);\nexport default [];\n';
    const { dir } = writeTestFleet({ clusters: 3, policies: 6, files: { "exits.ts": exits } });
    const r = build(dir, "policies", "tree-2", 2);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: a build worker thread failed: the worker thread exited with code 7; nothing was written");
    expect(r.stderr).toContain("[build-worker]");
    expect(r.tree).toEqual({});
    expect(build(dir, "policies", "tree-1", 1).code).toBe(0);
  });

  it("fails with a build-worker error when the policies no longer load in a worker", () => {
    const throws = 'import { isMainThread } from "node:worker_threads";\nif (!isMainThread) throw new Error("injected failure");\nexport default [];\n';
    const { dir } = writeTestFleet({ clusters: 2, policies: 4, files: { "throws.ts": throws } });
    const r = build(dir, "policies", "tree-2", 2);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a build worker thread failed: re-loading the policies failed: .*throws\.ts.*injected failure/);
    expect(r.tree).toEqual({});
  });

  it("refuses --jobs values that are not a whole number of 1 or more", () => {
    for (const bad of ["0", "-1", "1.5", "two"]) {
      const r = rampart(["build", "examples/platform/policies", "-o", "x", `--jobs=${bad}`]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain(`\`--jobs ${bad}\` is not a number of clusters to build at once`);
    }
  });
});
