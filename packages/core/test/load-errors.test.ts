import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, type Diagnostic } from "@rampart/core";

const dir = mkdtempSync(join(tmpdir(), "rampart-load-"));

async function load(name: string, text: string): Promise<Diagnostic[]> {
  writeFileSync(join(dir, name), text);
  return (await loadFiles([name], { cwd: dir })).diagnostics;
}

const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.message}${d.hint ? ` | ${d.hint}` : ""}`;

const policy = (rules: string) => `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: team-a }
spec:
  subjects: [{ group: team-a }]
  rules:
${rules}`;

describe("bad input is reported with the exact message and position", () => {
  it("YAML syntax error", async () => {
    const ds = await load("syntax.yaml", "kind: AccessPolicy\nspec: [a, b\n");
    expect(ds.map(at)).toEqual(["syntax.yaml:3:1: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]"]);
    expect(ds[0]!.code).toBe("yaml-syntax");
  });

  it("unknown field with a did-you-mean hint", async () => {
    const ds = await load("unknown.yaml", policy("    - effect: allow\n      verb: [get]\n      verbs: [get]\n      resources: [pods]\n"));
    expect(ds.map(at)).toEqual(["unknown.yaml:8:7: unknown field `verb` in AccessPolicy `spec.rules[0]` | did you mean `verbs`?"]);
  });

  it("wrong type", async () => {
    const ds = await load("type.yaml", policy("    - effect: allow\n      verbs: get\n      resources: [pods]\n"));
    expect(ds.map(at)).toEqual(["type.yaml:8:14: `spec.rules[0].verbs` must be a list, found a string"]);
  });

  it("bad glob", async () => {
    const ds = await load("glob.yaml", policy("    - effect: allow\n      verbs: [get]\n      resources: [pods]\n      names: ['web-[0-9]+']\n"));
    expect(ds.map(at)).toEqual([
      "glob.yaml:10:15: `spec.rules[0].names[0]`: invalid pattern `web-[0-9]+`: a pattern supports only `*` (any run of characters) and `?` (one character); regular expressions and brackets are not supported",
    ]);
  });

  it("bad resource string", async () => {
    const ds = await load("resource.yaml", policy("    - effect: allow\n      verbs: [get]\n      resources: [pods, Deployments.apps]\n"));
    expect(ds.map(at)).toEqual([
      "resource.yaml:9:25: `spec.rules[0].resources[1]`: `Deployments.apps` is not a resource: expected `<resource>[.<apiGroup>][/<subresource>]` with a lowercase resource name or `*`, e.g. `pods`, `deployments.apps`, `pods/log`",
    ]);
  });

  it("duplicate name per kind", async () => {
    const doc = policy("    - { effect: allow, verbs: [get], resources: [pods] }\n");
    const ds = await load("dup.yaml", `${doc}---\n${doc}`);
    expect(ds.map(at)).toEqual([
      "dup.yaml:11:19: duplicate AccessPolicy `team-a`: names must be unique per kind | first defined at dup.yaml:3:19; rename one of them",
    ]);
  });

  it("alias bomb", async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
    ].join("\n");
    const ds = await load("bomb.yaml", `${bomb}\n`);
    expect(ds.map(at)).toEqual([
      "bomb.yaml:1:1: refused YAML: aliases expand to more than 100 nodes (an alias bomb) | write the values out instead of nesting aliases",
    ]);
  });

  it("huge input: a document over the API server's 3 MiB per object", async () => {
    const ds = await load("huge.yaml", `# a comment\nblob: ${"x".repeat(5 * 1024 * 1024)}\n`);
    expect(ds.map(at)).toEqual([
      "huge.yaml:2:1: document is 5242887 bytes, more than the limit of 3145728 bytes per object (as the Kubernetes API server) | split the object, or keep large data out of the manifest",
    ]);
  });

  it("reports every problem of a run together, across files and documents", async () => {
    writeFileSync(join(dir, "multi-a.yaml"), policy("    - { effect: alow, verbs: [get], resources: [pods] }\n"));
    writeFileSync(join(dir, "multi-b.yaml"), "apiVersion: rampart.dev/v1alpha1\nkind: AccesPolicy\nmetadata: { name: x }\nspec: {}\n");
    const ds = (await loadFiles(["multi-a.yaml", "multi-b.yaml"], { cwd: dir })).diagnostics;
    expect(ds.map(at)).toEqual([
      "multi-a.yaml:7:17: `spec.rules[0].effect` is `alow`; expected one of `allow`, `deny` | did you mean `allow`?",
      "multi-b.yaml:2:7: unknown kind `AccesPolicy`; expected one of `AccessPolicy`, `WorkloadPolicy`, `TrafficPolicy`, `Cluster`, `Inventory`, `PolicyTest` | did you mean `AccessPolicy`?",
    ]);
  });

  it("a rule needs exactly one of resources and nonResourceURLs", async () => {
    const ds = await load("one-of.yaml", policy("    - { effect: allow, verbs: [get], resources: [pods], nonResourceURLs: [/healthz] }\n"));
    expect(ds.map(at)).toEqual([
      "one-of.yaml:7:7: `spec.rules[0]`: an access rule takes exactly one of `resources`, `nonResourceURLs`, found `resources` and `nonResourceURLs`",
    ]);
  });

  it("missing file", async () => {
    const ds = (await loadFiles(["nope.yaml"], { cwd: dir })).diagnostics;
    expect(ds.map(at)).toEqual(["nope.yaml:0:0: no such file or directory `nope.yaml` | check the path"]);
  });
});

describe("directories", () => {
  it("skip Kubernetes manifests and load rampart documents from .yaml and .ts", async () => {
    const sub = mkdtempSync(join(tmpdir(), "rampart-dir-"));
    writeFileSync(join(sub, "pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: { name: x }\n");
    writeFileSync(join(sub, "a.yaml"), policy("    - { effect: allow, verbs: [get], resources: [pods] }\n"));
    writeFileSync(
      join(sub, "b.ts"),
      `export default [{ apiVersion: "rampart.dev/v1alpha1", kind: "Cluster", metadata: { name: "dev" }, spec: { tags: { env: "dev" } } }];\n`,
    );
    const { documents, diagnostics } = await loadFiles([sub]);
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(["AccessPolicy/team-a", "Cluster/dev"]);
  });
});
