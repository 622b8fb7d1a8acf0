import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifests, readTree } from "@rampart/pipeline";

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\n`;

/** A tree on disk: relative path → content. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "rampart-read-tree-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const summary = (manifests: readonly { file: string; line: number; object: Record<string, unknown> }[]) =>
  manifests.map((m) => `${m.file}:${m.line} ${String(m.object.kind)}/${(m.object.metadata as { name?: string } | undefined)?.name ?? ""}`);

describe("readTree: every manifest kubectl apply -R would apply", () => {
  it("walks folders in name order, reads .yaml, .yml and .json, skips dot-files and other extensions", async () => {
    const dir = tree({
      "b.yaml": cm("b"),
      "a/z.yml": cm("az"),
      "a/deep/y.json": JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ay" } }),
      "A.yaml": cm("upper"),
      ".rampart-manifest.json": JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "hidden" } }),
      ".staging/c.yaml": cm("staged"),
      "notes.txt": cm("text"),
      "c.yaml.bak": cm("backup"),
    });
    const { manifests, diagnostics } = await readTree(dir);
    expect(diagnostics).toEqual([]);
    // `A` sorts before `a` (code units), and a folder's files come where its name sorts.
    expect(summary(manifests)).toEqual(["A.yaml:1 ConfigMap/upper", "a/deep/y.json:1 ConfigMap/ay", "a/z.yml:1 ConfigMap/az", "b.yaml:1 ConfigMap/b"]);
  });

  it("a missing folder is an empty tree", async () => {
    expect(await readTree(join(tmpdir(), "rampart-no-such-tree-7f3a"))).toEqual({ manifests: [], diagnostics: [] });
  });

  it("multi-document files keep each document's line; Lists expand to their items; non-objects are skipped", async () => {
    const dir = tree({
      "m.yaml": [
        cm("one"),
        "---",
        "# a comment",
        cm("two"),
        "---",
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: { name: s1 }\n  - not-an-object\n  - apiVersion: v1\n    kind: Secret\n    metadata: { name: s2 }",
        "---",
        "kind: ConfigMap\nmetadata: { name: no-api-version }",
        "---",
        "apiVersion: v1\nmetadata: { name: no-kind }",
        "---",
        "apiVersion: v1\nkind: List\nitems: not-a-list",
        "---",
        "just a string",
        "---",
        "~",
        "",
      ].join("\n"),
      "report.json": JSON.stringify({ cluster: "prod", diagnostics: [] }),
    });
    const { manifests, diagnostics } = await readTree(dir);
    expect(diagnostics).toEqual([]);
    expect(summary(manifests)).toEqual(["m.yaml:1 ConfigMap/one", "m.yaml:7 ConfigMap/two", "m.yaml:12 Secret/s1", "m.yaml:12 Secret/s2", "m.yaml:29 List/"]);
  });

  it("an invalid file is an error at its position, with the tree's path; the other files are still read", async () => {
    const dir = tree({ "a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: [unclosed\n", "b.yaml": cm("b") });
    const { manifests, diagnostics } = await readTree(dir);
    expect(summary(manifests)).toEqual(["b.yaml:1 ConfigMap/b"]);
    expect(diagnostics).toHaveLength(1);
    // The flow collection is still open where the file ends (line 4).
    expect(diagnostics[0]).toMatchObject({
      code: "tree-manifest",
      severity: "error",
      file: join(dir, "a.yaml"),
      line: 4,
      hint: "fix or delete the file: `kubectl apply -R` would apply it too",
    });
    expect(diagnostics[0]!.message).toMatch(/^`a\.yaml` in the built tree is not valid YAML: \S/);
  });
});

describe("parseManifests: manifest files from memory", () => {
  it("reads them as kubectl does (YAML 1.1 scalars), in path order, ignoring non-manifest paths", () => {
    const files = new Map([
      ["z.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: z }\ndata: { enabled: yes, mode: 0644 }\n"],
      ["a.json", JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } })],
      ["kustomization.txt", cm("k")],
    ]);
    const { manifests, diagnostics } = parseManifests(files);
    expect(diagnostics).toEqual([]);
    expect(manifests.map((m) => m.file)).toEqual(["a.json", "z.yaml"]);
    expect(manifests[1]!.object.data).toEqual({ enabled: true, mode: 420 });
  });

  it("without a root, diagnostics name the file as given", () => {
    const { manifests, diagnostics } = parseManifests(new Map([["bad.yaml", "a: [\n"]]));
    expect(manifests).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([["tree-manifest", "error", "bad.yaml"]]);
  });
});

describe("parseManifests: namespaced objects the proof judges must name their namespace", () => {
  const RBAC = "rbac.authorization.k8s.io/v1";
  it("a Role, RoleBinding or NetworkPolicy without `metadata.namespace` is an error at its document; other kinds are not", () => {
    const files = new Map([
      [
        "r.yaml",
        `apiVersion: ${RBAC}\nkind: Role\nmetadata: { name: read }\nrules: []\n---\napiVersion: ${RBAC}\nkind: RoleBinding\nmetadata: { name: read, namespace: "" }\n`,
      ],
      ["n.json", JSON.stringify({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "np" } })],
      [
        "ok.yaml",
        `apiVersion: ${RBAC}\nkind: Role\nmetadata: { name: fine, namespace: team }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm }\n---\napiVersion: ${RBAC}\nkind: ClusterRole\nmetadata: { name: c }\n`,
      ],
    ]);
    const { manifests, diagnostics } = parseManifests(files, "/tree");
    expect(manifests.length).toBe(6);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.severity}: ${d.message}`)).toEqual([
      "/tree/n.json:1:1 tree-manifest error: `n.json` holds a NetworkPolicy `np` without `metadata.namespace`: where it lands, and what it grants, depends on how it is applied",
      "/tree/r.yaml:1:1 tree-manifest error: `r.yaml` holds a Role `read` without `metadata.namespace`: where it lands, and what it grants, depends on how it is applied",
      "/tree/r.yaml:6:1 tree-manifest error: `r.yaml` holds a RoleBinding `read` without `metadata.namespace`: where it lands, and what it grants, depends on how it is applied",
    ]);
    expect(diagnostics[0]!.hint).toBe("set `metadata.namespace` on the object: the proof judges each object in the namespace it names");
  });

  it("items of a List are judged one by one", () => {
    const list = {
      apiVersion: "v1",
      kind: "List",
      items: [
        { apiVersion: RBAC, kind: "RoleBinding", metadata: { name: "b" } },
        { apiVersion: RBAC, kind: "Role", metadata: { name: "r", namespace: "t" } },
      ],
    };
    const { diagnostics } = parseManifests(new Map([["l.json", JSON.stringify(list)]]));
    expect(diagnostics.map((d) => d.message.slice(0, 40))).toEqual(["`l.json` holds a RoleBinding `b` without"]);
  });
});
