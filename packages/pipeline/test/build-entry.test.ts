import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import * as pipeline from "@rampart/pipeline";
import * as build from "@rampart/pipeline/build";
import { REPO_ROOT } from "../../../test-support/conformance.js";

const DIST = join(REPO_ROOT, "packages/pipeline/dist");
// The code of every dist file read by staticImports, by path.
const sources = new Map<string, string>();
// Functions of the rest of the pipeline that the build path must not load: learn, diff, report, live clusters.
const REST = ["function learnFromAuditLogs", "function diffPaths", "function buildReport", "function pullInventories"];

/** The functions of REST defined in the dist files `entry` reaches statically. */
function restReached(entry: string): string[] {
  const seen = new Set<string>();
  staticImports(entry, seen);
  return REST.filter((f) => [...seen].some((file) => sources.get(file)!.includes(f)));
}
// What the build path must not load: the live client's transport, the diff's git, learn's gunzip, hashing.
const HEAVY = [
  "http",
  "https",
  "node:http",
  "node:https",
  "child_process",
  "node:child_process",
  "zlib",
  "node:zlib",
  "crypto",
  "node:crypto",
  "@kubernetes/client-node",
  // Worker threads start only on the parallel path of a multi-cluster build (a lazy import).
  "worker_threads",
  "node:worker_threads",
];

/** Every module specifier statically imported from `file` and the dist files it reaches (dynamic `import()` excluded). */
function staticImports(file: string, seen = new Set<string>(), out = new Set<string>()): Set<string> {
  if (seen.has(file)) return out;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  sources.set(file, source);
  for (const m of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
    const spec = (m[1] ?? m[2])!;
    out.add(spec);
    if (spec.startsWith("./")) staticImports(join(dirname(file), spec), seen, out);
  }
  return out;
}

describe("@rampart/pipeline/build, the light entry of `rampart build`", () => {
  it("exports the very functions of the main entry", () => {
    const names = [
      "buildFiles",
      "buildPolicies",
      "objectFiles",
      "toYaml",
      "checkTree",
      "writeTree",
      "manifestStream",
      "buildCheckSummary",
      "checkBuild",
      "driftCount",
      "driftFindings",
      "formatBuildCheck",
      "runBuild",
      "buildSummary",
      "buildTarget",
      "buildPoliciesInParallel",
      "defaultJobs",
    ] as const;
    expect(Object.keys(build).sort()).toEqual([...names, "MANIFEST"].sort());
    for (const name of names) expect(build[name], name).toBe(pipeline[name]);
    expect(build.MANIFEST).toBe(pipeline.MANIFEST);
  });

  it("loads none of the live client, diff, learn or hashing at start (built dist)", () => {
    const entry = join(DIST, "build.js");
    expect(existsSync(entry), "run `pnpm build` first").toBe(true);
    const reached = staticImports(entry);
    expect([...reached].filter((s) => HEAVY.includes(s))).toEqual([]);
    expect(reached.has("./index.js")).toBe(false);
    expect(restReached(entry)).toEqual([]);
    // The oracle can fail: the main entry does reach learn, diff, report and the live client.
    expect(restReached(join(DIST, "index.js"))).toEqual(REST);
  });
});
