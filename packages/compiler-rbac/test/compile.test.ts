import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  accessPolicy,
  allow,
  createInventory,
  createOpenApiValidator,
  deny,
  loadDocuments,
  loadFiles,
  type OpenApiBundle,
  type RampartDocument,
} from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
import { expectGolden, goldenYaml } from "../../../test-support/golden.js";
import bundle from "../data/openapi-rbac-v1.35.json" with { type: "json" };

const validate = createOpenApiValidator(bundle as OpenApiBundle);

const NOW = new Date("2026-11-24T00:00:00Z");
const inventory = createInventory({
  namespaces: ["team-a", "team-b", "kube-system"],
  objects: {
    pods: { "team-a": ["nginx-1", "nginx-2", "api-1", "david-1", "david-2"], "team-b": ["nginx-9", "web-1"] },
    secrets: { "team-a": ["db", "tls"] },
    nodes: ["node-1", "node-2"],
  },
});

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

function compileAndProve(documents: RampartDocument[], options: { keepWildcards?: boolean } = {}) {
  const out = compileRbac(documents, { inventory, now: NOW, ...options });
  expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  for (const o of out.objects) expect(validate(o as { kind: string }), `${o.kind}/${o.metadata.name}`).toEqual([]);
  const proof = verifyRbac(documents, inventory, out.objects, { now: NOW, report: out.report });
  expect(proof.overGrants).toEqual([]);
  expect(proof.underGrants.filter((u) => !u.covered)).toEqual([]);
  return out;
}

const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url).pathname;
const here = new URL(".", import.meta.url).pathname;
/** Loads a fixture from test/fixtures, so that positions and the source annotation are real. */
async function fixture(name: string): Promise<RampartDocument[]> {
  const { documents, diagnostics } = await loadFiles([`fixtures/${name}`], { cwd: here });
  expect(diagnostics).toEqual([]);
  return documents;
}

describe("compileRbac: SPEC.md examples (golden, proved)", () => {
  it("all pods except nginx*", async () => {
    const out = compileAndProve(await fixture("all-pods-except-nginx.yaml"));
    expectGolden(golden("all-pods-except-nginx.yaml"), goldenYaml(out.objects));
    const rules = out.objects.filter((o) => o.kind === "ClusterRole" || o.kind === "Role").flatMap((o) => o.rules ?? []);
    expect(rules.flatMap((r) => r.resourceNames ?? []).sort()).toEqual(["api-1", "david-1", "david-2", "web-1"]);
    expect(out.report.rules[0]!.notExpressible.map((n) => n.verbs)).toContainEqual(["list"]);
  });

  it("pods starting with david-", async () => {
    const out = compileAndProve(await fixture("pods-starting-with-david.yaml"));
    expectGolden(golden("pods-starting-with-david.yaml"), goldenYaml(out.objects));
    const create = out.diagnostics.find((d) => d.message.includes("`create`"))!;
    expect(`${create.file}:${create.line}:${create.column}: ${create.severity}`).toBe("fixtures/pods-starting-with-david.yaml:8:7: warning");
    expect(out.diagnostics.map((d) => d.message)).toContain(
      "rule 0 of AccessPolicy `david`: `create` cannot be limited by resource name in RBAC (the API server authorizes `create` and `deletecollection` on a resource without a name): not granted",
    );
  });

  it("deny secrets", async () => {
    const out = compileAndProve(await fixture("deny-secrets.yaml"));
    expectGolden(golden("deny-secrets.yaml"), goldenYaml(out.objects));
    const resources = out.objects.flatMap((o) => o.rules ?? []).flatMap((r) => r.resources ?? []);
    expect(resources).toContain("configmaps");
    expect(resources).not.toContain("secrets");
    expect(resources).not.toContain("*");
  });

  it("cluster-wide vs namespaced", async () => {
    const out = compileAndProve(await fixture("cluster-wide-vs-namespaced.yaml"));
    expectGolden(golden("cluster-wide-vs-namespaced.yaml"), goldenYaml(out.objects));
    expect(out.objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name}`)).toEqual([
      "ClusterRole//rampart:mixed",
      "ClusterRoleBinding//rampart:mixed",
      "Role/team-a/rampart:mixed:ns",
      "RoleBinding/team-a/rampart:mixed:ns",
      "Role/team-b/rampart:mixed:ns",
      "RoleBinding/team-b/rampart:mixed:ns",
    ]);
  });

  it("is deterministic", () => {
    const d = docs([
      accessPolicy("web", {
        subjects: [{ group: "web" }, { user: "z" }, { user: "a" }],
        rules: [allow({ verbs: ["watch", "get"], resources: ["services", "pods"], namespaces: ["team-*"] })],
      }),
    ]);
    expect(goldenYaml(compileRbac(d, { inventory, now: NOW }).objects)).toBe(goldenYaml(compileRbac(d, { inventory, now: NOW }).objects));
  });

  it("expands `*` from the inventory and drops expired rules", () => {
    const out = compileAndProve(
      docs([
        accessPolicy("x", {
          subjects: [{ user: "x" }],
          rules: [
            allow({ verbs: ["*"], resources: ["*.apps"], namespaces: ["team-a"] }),
            allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-01-01T00:00:00Z" }),
          ],
        }),
      ]),
    );
    const rules = out.objects.flatMap((o) => o.rules ?? []);
    expect(rules.flatMap((r) => r.verbs)).not.toContain("*");
    expect(rules.flatMap((r) => r.resources ?? []).sort()).toEqual(["controllerrevisions", "daemonsets", "deployments", "replicasets", "statefulsets"]);
    expect(out.report.rules[1]).toMatchObject({ expired: true, verbs: [] });
  });
});

describe("compileRbac: bad input", () => {
  it("unknown resource, group, subresource and verb: errors at their position with did-you-mean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-rbac-"));
    writeFileSync(
      join(dir, "p.yaml"),
      "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: p }\nspec:\n  subjects: [{ user: u }]\n  rules:\n    - effect: allow\n      verbs: [get, lsit]\n      resources: [pod, deployments.aps, pods/logs]\n",
    );
    const { documents } = await loadFiles(["p.yaml"], { cwd: dir });
    const out = compileRbac(documents, { inventory, now: NOW });
    expect(out.objects).toEqual([]);
    expect(out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} | ${d.hint}`)).toEqual([
      "p.yaml:8:20: verb `lsit` is not served by any resource of the inventory | did you mean `list`?",
      "p.yaml:9:19: resource `pod` is not in the inventory | did you mean `pods`?",
      "p.yaml:9:24: API group `aps` of `deployments.aps` is not in the inventory | did you mean `apps`?",
      "p.yaml:9:41: `pods/logs`: `pods` has no subresource `logs` | did you mean `log`?",
    ]);
  });

  it("wildcard groups and deny rules are checked too", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-rbac-"));
    writeFileSync(
      join(dir, "p.yaml"),
      'apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: p }\nspec:\n  subjects: [{ user: u }]\n  rules:\n    - { effect: allow, verbs: [get], resources: ["*.bach"] }\n    - { effect: deny, verbs: [wtach], resources: [secret] }\n',
    );
    const { documents } = await loadFiles(["p.yaml"], { cwd: dir });
    const out = compileRbac(documents, { inventory, now: NOW });
    expect(out.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} | ${d.hint}`)).toEqual([
      "p.yaml:7:50: API group `bach` of `*.bach` is not in the inventory | did you mean `batch`?",
      "p.yaml:8:31: verb `wtach` is not served by any resource of the inventory | did you mean `watch`?",
      "p.yaml:8:51: resource `secret` is not in the inventory | did you mean `secrets`?",
    ]);
  });

  it("a name glob without object inventory is a warning saying what was not granted", () => {
    const out = compileRbac(
      docs([
        accessPolicy("p", {
          subjects: [{ user: "u" }],
          rules: [allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"], names: ["app-*"] })],
        }),
      ]),
      { inventory, now: NOW },
    );
    expect(out.objects).toEqual([]);
    expect(out.diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        message:
          "rule 0 of AccessPolicy `p`: `get` name patterns need object names, and the inventory has none for these resources: not granted (add them to the inventory, e.g. `rampart inventory pull`)",
      }),
    ]);
  });
});
