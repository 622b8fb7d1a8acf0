import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFiles, type RampartDocument } from "@rampart/core";
import { buildFiles, buildPolicies, verifyBuild, verifyTree, writeTree, type BuildResult, type VerifyResult } from "@rampart/pipeline";
import { edited as editedBuild, host, NOW, proveFixture, RBAC } from "./prove-fixture.js";

let documents: RampartDocument[];
let build: BuildResult;
beforeAll(async () => {
  ({ documents, build } = await proveFixture());
});

const edited = (cluster: string, edits: Record<string, string | undefined>) => editedBuild(build, cluster, edits);

/** The build written to a fresh folder (`<dir>/<cluster>/…`). */
async function written(result: BuildResult = build): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "rampart-prove-"));
  await writeTree(dir, buildFiles(result));
  return dir;
}

const verdicts = (v: VerifyResult) =>
  v.clusters.map((c) => ({
    cluster: c.cluster,
    objects: c.objects,
    checked: c.checked,
    overGrants: c.overGrants.length,
    underGrants: c.underGrants,
    unexplained: c.unexplained,
    writeLayer: c.writeLayer,
    network: c.network && { universe: c.network.universe, overAdmissions: c.network.overAdmissions.length, underAdmitted: c.network.underAdmitted },
  }));

const CLEAN = {
  objects: 7, // Role, RoleBinding, the write-path policy and its binding, two NetworkPolicies, the Kustomization
  // what RBAC grants (get and list of an unknown configmap name, list of all: 3; get pod web-1; get an
  // unknown secret: 5), then what the policies allow (the same 3, get pods web-1, nginx-1 and unknown, the secret: 7)
  checked: 12,
  overGrants: 0,
  // `get` pods by team members is narrowed to `web-1` by contractors' deny: nginx-1 and an unknown name are not granted, as reported
  underGrants: 2,
  unexplained: 0,
  writeLayer: true,
  // team, web, front × (no labels, app=web, app=ui, app=scanner (from the deny's Admin-tier form), all labels in one pod)
  network: { universe: "3 namespaces (3 named, 0 by label) × 5 pod label sets = 15 pods", overAdmissions: 0, underAdmitted: 0 },
};

const OVER_GRANT = `apiVersion: ${RBAC}/v1
kind: ClusterRole
metadata: { name: read-secrets }
rules: [{ apiGroups: [""], resources: [secrets], verbs: [get] }]
---
apiVersion: ${RBAC}/v1
kind: ClusterRoleBinding
metadata: { name: read-secrets }
roleRef: { apiGroup: ${RBAC}, kind: ClusterRole, name: read-secrets }
subjects: [{ kind: User, name: mallory, apiGroup: ${RBAC} }]
`;

const ALLOW_ALL_INGRESS =
  "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: allow-all, namespace: web }\nspec:\n  podSelector: {}\n  ingress: [{}]\n";

describe("verifyBuild and verifyTree: the proof of every cluster's tree", () => {
  it("a clean build proves in memory, and the written tree proves with the same verdict", async () => {
    const memory = verifyBuild(documents, build, { now: NOW });
    expect(memory.diagnostics).toEqual([]);
    expect(memory.ok).toBe(true);
    expect(verdicts(memory)).toEqual([
      { cluster: "a", ...CLEAN },
      { cluster: "b", ...CLEAN },
    ]);
    const disk = await verifyTree(documents, await written(), { now: NOW, host });
    expect(disk).toEqual(memory);
  });

  it("`cluster` proves that cluster's folder only", async () => {
    const v = await verifyTree(documents, await written(), { cluster: "b", now: NOW, host });
    expect(verdicts(v)).toEqual([{ cluster: "b", ...CLEAN }]);
    expect(v.ok).toBe(true);
  });

  it("under-grants are explained by the diagnostics of the build's report.json, and only by them", async () => {
    const dir = await written();
    rmSync(join(dir, "a", "report.json"));
    const v = await verifyTree(documents, dir, { now: NOW, host });
    expect(verdicts(v)).toEqual([
      { cluster: "a", ...CLEAN, unexplained: 2 },
      { cluster: "b", ...CLEAN },
    ]);
    // Unexplained under-grants grant less than the policies: the tree is still safe.
    expect(v.ok).toBe(true);
    const bare = new Map(build.clusters);
    bare.set("b", { ...bare.get("b")!, report: {} });
    expect(verdicts(verifyBuild(documents, { clusters: bare, diagnostics: [] }, { now: NOW }))).toEqual([
      { cluster: "a", ...CLEAN },
      { cluster: "b", ...CLEAN, unexplained: 2 },
    ]);
  });

  it("relative inventory paths resolve from the host's folder", async () => {
    const policies = join(__dirname, "fixtures/prove/policies");
    const local = await loadFiles([policies], { cwd: policies });
    const localHost = { cwd: policies, err: () => {} };
    const dir = await written(await buildPolicies(local.documents, { now: NOW, host: localHost }));
    const v = await verifyTree(local.documents, dir, { now: NOW, host: localHost });
    expect([v.diagnostics, verdicts(v)]).toEqual([
      [],
      [
        { cluster: "a", ...CLEAN },
        { cluster: "b", ...CLEAN },
      ],
    ]);
  });

  it("an inventory that cannot be read is an error and no verdict", async () => {
    const v = await verifyTree(documents, await written(), { inventory: "no-such-inventory.yaml", now: NOW, host });
    expect(v.clusters).toEqual([]);
    // One per cluster: each cluster's inventory is read on its own.
    expect(v.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([
      ["file-not-found", "error", "no-such-inventory.yaml"],
      ["file-not-found", "error", "no-such-inventory.yaml"],
    ]);
    expect(v.ok).toBe(false);
  });

  it("an unknown cluster is an error and no verdict", async () => {
    const v = await verifyTree(documents, await written(), { cluster: "c", now: NOW, host });
    expect([v.ok, v.clusters, v.diagnostics.map((d) => d.severity)]).toEqual([false, [], ["error"]]);
  });

  it("a manifest that is not YAML leaves the tree unproven (kubectl would fail on it), though nothing over-grants", async () => {
    const dir = await written();
    writeFileSync(join(dir, "a", "broken.yaml"), "kind: [\n");
    const v = await verifyTree(documents, dir, { now: NOW, host });
    expect(verdicts(v)).toEqual([
      { cluster: "a", ...CLEAN },
      { cluster: "b", ...CLEAN },
    ]);
    expect(v.diagnostics.map((d) => [d.code, d.file])).toEqual([["tree-manifest", join(dir, "a", "broken.yaml")]]);
    expect(v.ok).toBe(false);
    // A verdict without errors in memory: the same file makes it fail there too.
    expect(verifyBuild(documents, edited("b", { "broken.yaml": "kind: [\n" }), { now: NOW }).ok).toBe(false);
  });

  it("one cluster over-granting fails the whole tree, and the verdict says which", () => {
    const v = verifyBuild(documents, edited("b", { "hand/oops.yaml": OVER_GRANT }), { now: NOW });
    expect(v.ok).toBe(false);
    expect(
      v.clusters.map((c) => [
        c.cluster,
        c.objects,
        c.overGrants.map((o) => `${o.request.verb} ${o.request.resource} ${o.request.namespace}/${o.request.name} ${o.request.user}`),
      ]),
    ).toEqual([
      ["a", 7, []],
      // `get` secrets in each namespace of the universe (a `get` names one object, so never across namespaces)
      [
        "b",
        9,
        ["get secrets front/rampart-unknown-name mallory", "get secrets team/rampart-unknown-name mallory", "get secrets web/rampart-unknown-name mallory"],
      ],
    ]);
  });

  it("a NetworkPolicy that admits what the TrafficPolicies deny fails the tree with no RBAC over-grant", () => {
    const v = verifyBuild(documents, edited("a", { "hand/allow-all.yaml": ALLOW_ALL_INGRESS }), { now: NOW });
    expect(v.clusters.map((c) => c.overGrants.length)).toEqual([0, 0]);
    expect(v.clusters[0]!.network!.overAdmissions.length).toBeGreaterThan(0);
    expect(v.clusters[1]!.network!.overAdmissions).toEqual([]);
    expect(v.ok).toBe(false);
  });

  it("the proof judges at its own instant: after the secret reads expire, the built grant is an over-grant", async () => {
    const later = new Date("2026-06-03T00:00:00Z");
    const secrets = (v: VerifyResult) =>
      v.clusters.map((c) =>
        c.overGrants.map(
          (o) => `${o.request.verb} ${o.request.resource} ${o.request.namespace}/${o.request.name} ${(o.request.groups ?? []).join(",")}: ${o.reason}`,
        ),
      );
    const expired = "denied by default: no allow rule of a policy whose subjects and clusters match applies to this request";
    const expected = ["get secrets team/rampart-unknown-name team: " + expired];
    expect(secrets(verifyBuild(documents, build, { now: later }))).toEqual([expected, expected]);
    expect(secrets(await verifyTree(documents, await written(), { now: later, host }))).toEqual([expected, expected]);
  });

  it("a tree without network objects has no network proof", async () => {
    const noNetwork = Object.fromEntries([...build.clusters.get("a")!.files.keys()].filter((f) => f.startsWith("network/")).map((f) => [f, undefined]));
    const v = verifyBuild(documents, edited("a", noNetwork), { now: NOW });
    expect(verdicts(v)).toEqual([
      { cluster: "a", ...CLEAN, objects: 5, network: undefined },
      { cluster: "b", ...CLEAN },
    ]);
  });
});
