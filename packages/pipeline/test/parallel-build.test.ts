import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPolicies, type RampartDocument } from "@rampart/core";
import { buildPolicies, buildPoliciesInParallel, defaultJobs, type BuildResult, type PolicySource } from "@rampart/pipeline";
import { REPO_ROOT } from "../../../test-support/conformance.js";

// From sources the built worker is not next to the module: the tests name the built one.
const WORKER = pathToFileURL(join(REPO_ROOT, "packages/pipeline/dist/build-worker.js"));
const now = new Date("2026-11-24T00:00:00Z");
const source: PolicySource = { paths: ["examples/platform/policies"], cwd: REPO_ROOT };
let documents: RampartDocument[];
let serial: BuildResult;

/** A worker module of the given source, in a temporary folder. */
function workerModule(name: string, text: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), "rampart-worker-")), name);
  writeFileSync(file, text);
  return pathToFileURL(file);
}

/** A worker module that fails as it starts: a build that uses it fails, one that does not is unaffected. */
function failingWorker(): URL {
  return workerModule("fails.mjs", 'throw new Error("injected worker failure");\n');
}

/** A build without its inventories' lookup functions (two builds' closures are never equal). */
function plain(result: BuildResult) {
  return {
    diagnostics: result.diagnostics,
    clusters: [...result.clusters].map(([name, c]) => ({ name, files: [...c.files], objects: c.objects, report: c.report })),
  };
}

beforeAll(async () => {
  const loaded = await loadPolicies(source.paths, { cwd: REPO_ROOT });
  documents = loaded.documents;
  serial = await buildPolicies(documents, { now, host: { cwd: REPO_ROOT, err: () => {} } });
});

describe("buildPoliciesInParallel", () => {
  it("returns the serial build's clusters, files, objects, reports and diagnostics, in the same order", async () => {
    expect(existsSync(WORKER), "run `pnpm build` first").toBe(true);
    const parallel = await buildPoliciesInParallel(documents, { now, jobs: 2, source, worker: WORKER, host: { cwd: REPO_ROOT, err: () => {} } });
    expect([...parallel.clusters.keys()]).toEqual(["dev", "staging", "prod"]);
    expect(parallel.diagnostics).toEqual(serial.diagnostics);
    expect(serial.diagnostics.length).toBeGreaterThan(0);
    for (const [name, want] of serial.clusters) {
      const got = parallel.clusters.get(name)!;
      expect([...got.files]).toEqual([...want.files]);
      expect(got.objects).toEqual(want.objects);
      expect(got.report).toEqual(want.report);
      const { resource, names, ...data } = got.inventory;
      const { resource: _r, names: _n, ...wantData } = want.inventory;
      expect(data).toEqual(wantData);
      // The revived lookups answer as the serial inventory's do.
      for (const r of want.inventory.resources) expect(resource(r.group, r.resource)).toEqual(r);
      for (const ns of ["payments", "web", "nowhere"]) expect(names("", "pods", ns)).toEqual(want.inventory.names("", "pods", ns));
      expect(resource("example.com", "widgets")).toBeUndefined();
    }
  });

  it("fails with one build-worker error and no clusters when a worker thread fails", async () => {
    const result = await buildPoliciesInParallel(documents, { now, jobs: 3, source, worker: failingWorker(), host: { cwd: REPO_ROOT, err: () => {} } });
    expect(result.clusters.size).toBe(0);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "build-worker", severity: "error", file: "<command line>", line: 0, column: 0 });
    expect(result.diagnostics[0]!.message).toMatch(/^a build worker thread failed: injected worker failure; nothing was written$/);
  });

  it("builds on the main thread too: workers that end without claiming a cluster leave every cluster to it", async () => {
    const idle = workerModule("idle.mjs", "// claims nothing and ends cleanly\n");
    const result = await buildPoliciesInParallel(documents, { now, jobs: 3, source, worker: idle, host: { cwd: REPO_ROOT, err: () => {} } });
    expect(plain(result)).toEqual(plain(serial));
  });

  it("names the cluster a worker claimed when it exits before answering", async () => {
    // Says it claimed the last cluster (the main thread may have claimed them all already: the example builds fast) and exits.
    const quits = workerModule(
      "quits.mjs",
      [
        'import { parentPort, workerData } from "node:worker_threads";',
        'parentPort.postMessage({ type: "claimed", cluster: workerData.clusters.at(-1) });',
        "setTimeout(() => process.exit(3), 100);",
      ].join("\n"),
    );
    const result = await buildPoliciesInParallel(documents, { now, jobs: 2, source, worker: quits, host: { cwd: REPO_ROOT, err: () => {} } });
    expect(result.clusters.size).toBe(0);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toMatch(
      /^the build of cluster `prod` failed in a worker thread: the worker thread exited with code 3; nothing was written$/,
    );
  });

  it("builds on the main thread for one job, one cluster, standard input, no source or a small default build", async () => {
    const worker = failingWorker();
    const host = { cwd: REPO_ROOT, err: () => {} };
    const serialRuns = [
      { jobs: 1, source },
      { jobs: 2, source: { ...source, paths: ["-"] } },
      { jobs: 2 },
      { source }, // 7 documents: below the default's threshold
    ];
    for (const options of serialRuns) {
      const result = await buildPoliciesInParallel(documents, { now, worker, host, ...options });
      expect(plain(result), JSON.stringify(options)).toEqual(plain(serial));
    }
    const one = await buildPoliciesInParallel(documents, { now, worker, host, jobs: 4, source, cluster: "prod" });
    expect(plain(one)).toEqual(plain(await buildPolicies(documents, { now, host, cluster: "prod" })));
  });
});

describe("defaultJobs", () => {
  it("is one per cluster up to the cores for 200 documents or more on 3 cores or more, else 1", () => {
    expect(defaultJobs(3, 199, 8)).toBe(1);
    expect(defaultJobs(3, 200, 8)).toBe(3);
    expect(defaultJobs(3, 200, 2)).toBe(1);
    expect(defaultJobs(3, 200, 3)).toBe(3);
    expect(defaultJobs(1, 5000, 8)).toBe(1);
    expect(defaultJobs(1000, 5000, 8)).toBe(8);
    expect(defaultJobs(1000, 5000)).toBe(availableParallelism() < 3 ? 1 : availableParallelism());
  });
});
