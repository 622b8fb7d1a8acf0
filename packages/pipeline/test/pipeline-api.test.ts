import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, type RampartDocument } from "@rampart/core";
import { buildPolicies, parseManifests, verifyBuild, type BuildResult, type ClusterBuild } from "@rampart/pipeline";
import { REPO_ROOT } from "../../../test-support/conformance.js";

const POLICIES = join(REPO_ROOT, "examples/platform/policies");
const OUT = join(REPO_ROOT, "examples/platform/out");

async function example(): Promise<{ documents: RampartDocument[]; build: BuildResult }> {
  // Loaded relative to the repository root, as `rampart build` names sources from the git work tree.
  const { documents, diagnostics } = await loadFiles([POLICIES], { cwd: REPO_ROOT });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { documents, build: await buildPolicies(documents, { host: { cwd: REPO_ROOT, err: () => {} } }) };
}

/** A copy of a cluster build with some files replaced (undefined deletes). */
function edited(build: BuildResult, cluster: string, edits: Record<string, string | undefined>): BuildResult {
  const c = build.clusters.get(cluster)!;
  const files = new Map(c.files);
  for (const [path, content] of Object.entries(edits)) content === undefined ? files.delete(path) : files.set(path, content);
  return { clusters: new Map<string, ClusterBuild>([[cluster, { ...c, files }]]), diagnostics: [] };
}

describe("the pipeline as a library (examples/platform)", () => {
  it("builds every cluster in memory: the objects, and files byte-identical to the committed tree", async () => {
    const { build } = await example();
    expect(build.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect([...build.clusters.keys()]).toEqual(["dev", "staging", "prod"]);
    for (const [name, c] of build.clusters) {
      for (const [path, content] of c.files) expect(content, `${name}/${path}`).toBe(readFileSync(join(OUT, name, path), "utf8"));
      // the objects are exactly what the manifest files hold
      const key = (o: Record<string, unknown>) => {
        const m = o.metadata as { name: string; namespace?: string };
        return `${String(o.kind)}/${m.namespace ?? ""}/${m.name}`;
      };
      const sorted = (list: Record<string, unknown>[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      const parsed = parseManifests(c.files)
        .manifests.map((m) => m.object)
        .filter((o) => o.kind !== "Kustomization");
      expect(sorted(parsed)).toEqual(sorted(JSON.parse(JSON.stringify(c.objects)) as Record<string, unknown>[]));
      expect(c.objects.length).toBe([...c.files.keys()].filter((p) => /^(rbac|admission|network)\//.test(p)).length);
    }
  });

  it("proves the build in memory: 0 over-grants and every under-grant explained, for every cluster", async () => {
    const { documents, build } = await example();
    const v = verifyBuild(documents, build);
    expect(v.diagnostics).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.clusters.map((c) => [c.cluster, c.overGrants, c.unexplained, c.writeLayer])).toEqual([
      ["dev", [], 0, true],
      ["staging", [], 0, true],
      ["prod", [], 0, true],
    ]);
    // Servable requests of each cluster's universe (an exact count: a proof that checks nothing cannot pass).
    expect(v.clusters.map((c) => c.checked)).toEqual([975, 900, 903]);
  });

  it("the combined proof: without the write-path admission policy, RBAC's broad write grants are over-grants naming their files", async () => {
    const { documents } = await loadFiles([join(__dirname, "fixtures/write-layer")], { cwd: REPO_ROOT });
    const build = await buildPolicies(documents, { now: new Date("2026-06-01T00:00:00Z") });
    const files = [...build.clusters.get("default")!.files.keys()];
    expect(files.filter((f) => f.startsWith("admission/"))).toEqual([
      "admission/validatingadmissionpolicy-rampart-access-writes.yaml",
      "admission/validatingadmissionpolicybinding-rampart-access-writes.yaml",
    ]);
    const whole = verifyBuild(documents, build).clusters[0]!;
    expect([whole.overGrants, whole.writeLayer]).toEqual([[], true]);
    const bare = verifyBuild(documents, edited(build, "default", { "admission/validatingadmissionpolicy-rampart-access-writes.yaml": undefined })).clusters[0]!;
    expect(bare.writeLayer).toBe(false);
    const rbacFiles = files.filter((f) => f.startsWith("rbac/")).sort();
    expect(bare.overGrants.map((o) => [o.request.verb, o.request.name, o.files])).toEqual(
      // update and delete always name their object; only create reaches the collection (empty name).
      ["create", "delete", "update"].flatMap((verb) => [[verb, "rampart-unknown-name", rbacFiles]]).concat([["create", "", rbacFiles]]),
    );
  });

  it("a hand-added ClusterRoleBinding is an over-grant blamed on exactly its file", async () => {
    const { documents, build } = await example();
    const crb = [
      "apiVersion: rbac.authorization.k8s.io/v1",
      "kind: ClusterRoleBinding",
      "metadata:",
      "  name: oops",
      "roleRef:",
      "  apiGroup: rbac.authorization.k8s.io",
      "  kind: ClusterRole",
      "  name: rampart:monitoring",
      "subjects:",
      "  - kind: User",
      "    name: mallory",
      "    apiGroup: rbac.authorization.k8s.io",
      "",
    ].join("\n");
    const [prod] = verifyBuild(documents, edited(build, "prod", { "hand/oops.yaml": crb })).clusters;
    expect(prod!.overGrants.length).toBeGreaterThan(0);
    expect(prod!.overGrants.every((o) => o.request.user === "mallory")).toBe(true);
    expect([...new Set(prod!.overGrants.flatMap((o) => o.files))]).toEqual(["hand/oops.yaml", "rbac/clusterrole-rampart-monitoring.yaml"]);
  });
});

describe("the built package from plain Node", () => {
  it("an .mjs script imports dist, builds the example in memory and verifies it: 0 over-grants, nothing written", () => {
    const dist = join(REPO_ROOT, "packages/pipeline/dist/index.js");
    if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`pnpm build\` first (\`pnpm test\` does)`);
    const cwd = mkdtempSync(join(tmpdir(), "rampart-mjs-"));
    const r = spawnSync(process.execPath, [join(__dirname, "fixtures/build-and-verify.mjs"), POLICIES], { cwd, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ clusters: ["dev", "staging", "prod"], overGrants: 0, unexplained: 0, ok: true });
    expect(r.status).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
