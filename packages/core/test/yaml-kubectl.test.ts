import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFiles, loadManifests, parseYaml } from "@rampart/core";

/** One plain scalar as a document's value, on the fast path (plain YAML) and the slow path (an anchor elsewhere sends it there). */
function both(scalar: string, dialect: "1.2" | "kubectl"): [unknown, unknown] {
  const fast = parseYaml(`v: ${scalar}\n`, "x.yaml", undefined, dialect);
  const slow = parseYaml(`v: ${scalar}\nw: &a 1\n`, "x.yaml", undefined, dialect);
  expect(fast.diagnostics).toEqual([]);
  expect(slow.diagnostics).toEqual([]);
  return [(fast.documents[0]!.value as { v: unknown }).v, (slow.documents[0]!.value as { v: unknown }).v];
}

// [plain scalar, as kubectl reads it (go-yaml v2 via sigs.k8s.io/yaml), as YAML 1.2 core reads it]
const TABLE: [string, unknown, unknown][] = [
  ["0644", 420, 644],
  ["0o644", 420, 420],
  ["-0644", -420, -644],
  ["0x1F", 31, 31],
  ["0b101", 5, "0b101"],
  ["-0b11", -3, "-0b11"],
  ["1_000", 1000, "1_000"],
  ["08", 8, 8], // not octal: go's ParseInt fails, yamlStyleFloat takes it
  ["+12", 12, 12],
  ["1e3", 1000, 1000],
  [".5", 0.5, 0.5],
  ["1.", 1, 1],
  ["yes", true, "yes"],
  ["Yes", true, "Yes"],
  ["YES", true, "YES"],
  ["y", true, "y"],
  ["Y", true, "Y"],
  ["on", true, "on"],
  ["On", true, "On"],
  ["ON", true, "ON"],
  ["true", true, true],
  ["True", true, true],
  ["no", false, "no"],
  ["n", false, "n"],
  ["N", false, "N"],
  ["off", false, "off"],
  ["OFF", false, "OFF"],
  ["false", false, false],
  ["yEs", "yEs", "yEs"],
  ["oN", "oN", "oN"],
  ["~", null, null],
  ["Null", null, null],
  ["1:30", "1:30", "1:30"], // no sexagesimal in go-yaml v2
  ["2001-12-14", "2001-12-14", "2001-12-14"], // timestamps reach untyped targets as their text
  ["0b2", "0b2", "0b2"],
  ["0x", "0x", "0x"],
  ["1.2.3", "1.2.3", "1.2.3"],
  ['"0644"', "0644", "0644"],
  ["'yes'", "yes", "yes"],
  ["!!str 0644", "0644", "0644"],
];

describe("plain scalars: manifests as kubectl reads them, policies as YAML 1.2", () => {
  it.each(TABLE)("`%s` in a manifest is %j (fast and slow paths)", (scalar, kubectl) => {
    expect(both(scalar, "kubectl")).toEqual([kubectl, kubectl]);
  });
  it.each(TABLE)("`%s` in a policy stays YAML 1.2 (fast and slow paths)", (scalar, _, core) => {
    expect(both(scalar, "1.2")).toEqual([core, core]);
  });

  it("keys resolve too (go-yaml turns `yes:` into the JSON key `true`), and `<<` merges without an anchor", () => {
    const { documents, diagnostics } = parseYaml("yes: 1\n0644: a\nbase:\n  <<: {a: 1, b: 2}\n  b: 3\n", "m.yaml", undefined, "kubectl");
    expect(diagnostics).toEqual([]);
    expect(documents[0]!.value).toEqual({ true: 1, 420: "a", base: { a: 1, b: 3 } });
  });
});

describe("loaders pick the dialect", () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-yaml11-"));
  const manifest = [
    "apiVersion: v1",
    "kind: ConfigMap",
    "metadata: { name: cfg }",
    "spec:",
    "  volumes:",
    "    - name: v",
    "      configMap: { name: cfg, defaultMode: 0644 }",
    "  enabled: yes",
    "  debug: off",
    "",
  ].join("\n");
  writeFileSync(join(dir, "manifest.yaml"), manifest);
  // The same plain scalars, once more on the slow path (an anchor).
  writeFileSync(join(dir, "anchored.yaml"), manifest.replace("name: cfg }", "name: &n cfg }"));
  writeFileSync(
    join(dir, "cluster.yaml"),
    [
      "apiVersion: rampart.dev/v1alpha1",
      "kind: Cluster",
      "metadata: { name: dev }",
      "spec:",
      "  tags: { env: yes, mode: no }",
      '  kubernetesVersion: "1.35"',
      "",
    ].join("\n"),
  );

  it("loadManifests reads `mode: 0644` as 420 and `enabled: yes` as true, on both paths", async () => {
    const { manifests, diagnostics } = await loadManifests(["manifest.yaml", "anchored.yaml"], { cwd: dir });
    expect(diagnostics).toEqual([]);
    const spec = { volumes: [{ name: "v", configMap: { name: "cfg", defaultMode: 420 } }], enabled: true, debug: false };
    expect(manifests.map((m) => m.value.spec)).toEqual([spec, spec]);
  });

  it("loadFiles keeps policies in YAML 1.2: `yes` and `no` stay strings", async () => {
    const { documents, diagnostics } = await loadFiles(["cluster.yaml"], { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect((documents[0] as unknown as { spec: { tags: unknown } }).spec.tags).toEqual({ env: "yes", mode: "no" });
  });
});

describe("fast and slow paths agree on every plain scalar (property)", () => {
  const token = fc.constantFrom(
    "0",
    "1",
    "7",
    "8",
    "9",
    "0x",
    "0o",
    "0b",
    "_",
    ".",
    "e",
    "E",
    "+",
    "-",
    "a",
    "f",
    "y",
    "n",
    "yes",
    "no",
    "on",
    "off",
    "true",
    "null",
    "~",
    ":",
    "inf",
    "nan",
    ".inf",
  );
  const scalar = fc.array(token, { minLength: 1, maxLength: 5 }).map((t) => t.join(""));
  it.each(["1.2", "kubectl"] as const)("dialect %s", (dialect) => {
    let resolved = 0;
    fc.assert(
      fc.property(scalar, (s) => {
        const fast = parseYaml(`v: ${s}\n`, "x.yaml", undefined, dialect);
        const slow = parseYaml(`v: ${s}\nw: &a 1\n`, "x.yaml", undefined, dialect);
        // Scalars that are not plain YAML (`-` alone starts a list, `: ` a map) fail on both paths alike.
        expect(fast.diagnostics.length > 0).toBe(slow.diagnostics.length > 0);
        if (fast.diagnostics.length > 0) return;
        const a = (fast.documents[0]!.value as { v: unknown }).v;
        const b = (slow.documents[0]!.value as { v: unknown }).v;
        expect(a).toEqual(b);
        if (typeof a !== "string") resolved++;
      }),
      { numRuns: 500 },
    );
    expect(resolved).toBeGreaterThanOrEqual(15);
  });
});
