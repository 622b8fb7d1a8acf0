import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { DEFAULT_YAML_LIMITS, loadManifests, parseYaml, type YamlLimits } from "@rampart/core";
import { helmStream } from "../../../test-support/helm-stream.js";

/** The previous parser path (the whole stream through the `yaml` library): values and root positions of non-empty documents. */
function reference(text: string): { values: unknown[]; lines: number[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, version: "1.2" }) as unknown as Document[];
  const kept = docs.filter((d) => d.contents !== null && !(d.contents.range?.[0] === d.contents.range?.[1]));
  return { values: kept.map((d) => d.toJS()), lines: kept.map((d) => lineCounter.linePos(d.contents!.range![0]).line) };
}

const at = (d: { file: string; line: number; column: number; message: string }) => `${d.file}:${d.line}:${d.column}: ${d.message}`;
/** 1-based line of the first occurrence of `needle` (found by plain text search). */
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split("\n").length;

describe("multi-document streams", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ] as const)("a helm-like stream (%s): same values and positions as the whole-stream parser", (_, eol) => {
    const { text, manifests } = helmStream(1200, 7, { eol });
    const { documents, diagnostics } = parseYaml(text, "s.yaml");
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual(manifests);
    const ref = reference(text);
    expect(documents.map((d) => d.value)).toEqual(ref.values);
    expect(documents.map((d) => d.position.line)).toEqual(ref.lines);
    expect(documents.every((d) => d.position.column === 1)).toBe(true);
    // Block scalars keep their indented `---` lines; JSON documents (every 10th) parse too.
    expect((manifests[0] as { metadata: { annotations: Record<string, string> } }).metadata.annotations["example.com/config"]).toBe(
      "---\nmode: strict\n---\nlevel: 0\n",
    );
    expect(text).toContain(`\n{"apiVersion":`);
  });

  it("locates fields inside fast-path documents (YAML and JSON) at their exact line and column", () => {
    const { text } = helmStream(40, 7);
    const { documents } = parseYaml(text, "s.yaml");
    const third = documents[2]!; // a YAML StatefulSet
    const name = `name: ${(third.value as { metadata: { name: string } }).metadata.name}`;
    expect(third.locate(["metadata", "name"])).toEqual({ file: "s.yaml", line: lineOf(text, name), column: 9 });
    expect(third.locate(["metadata", "name"], true)).toEqual({ file: "s.yaml", line: lineOf(text, name), column: 3 });
    const json = documents[9]!; // written as JSON on one line
    const head = `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"deployment-9"`;
    const start = text.indexOf(head);
    const jsonLine = lineOf(text, head);
    expect(json.position).toEqual({ file: "s.yaml", line: jsonLine, column: 1 });
    const col = text.indexOf(`"spec":`, start) + 8 - start;
    expect(json.locate(["spec"])).toEqual({ file: "s.yaml", line: jsonLine, column: col });
  });

  it("reports a syntax error in the 3rd and the 1000th document at its file:line:column, and keeps the others", () => {
    const { text } = helmStream(1200, 7);
    const broken = text
      .replace("  name: statefulset-2\n", "  name: statefulset-2\n  bad: [unclosed\n")
      .replace("  name: pod-1000\n", "  name: pod-1000\n  labels: {a: 1\n");
    const { documents, diagnostics } = parseYaml(broken, "s.yaml");
    const first = lineOf(broken, "  bad: [unclosed");
    const second = lineOf(broken, "  labels: {a: 1\n");
    // The same errors at the same positions as the whole-stream parser finds.
    const lineCounter = new LineCounter();
    const whole = parseAllDocuments(broken, { lineCounter, uniqueKeys: true, version: "1.2" }) as unknown as Document[];
    const expected = whole.flatMap((d) => d.errors.map((e) => [lineCounter.linePos(e.pos[0]).line, lineCounter.linePos(e.pos[0]).col]));
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual(expected);
    expect(new Set(diagnostics.map((d) => d.line))).toEqual(new Set([first + 1, second + 1]));
    expect(diagnostics.every((d) => d.code === "yaml-syntax" && d.file === "s.yaml")).toBe(true);
    expect(documents).toHaveLength(1198);
  });

  it("reports a duplicate key in a JSON document at the repeated key", () => {
    const text = `---\n{"kind": "Pod"}\n---\n# Source: x\n{"kind": "Pod",\n  "kind": "Job"}\n`;
    const { documents, diagnostics } = parseYaml(text, "d.yaml");
    expect(documents.map((d) => d.value)).toEqual([{ kind: "Pod" }]);
    expect(diagnostics.map(at)).toEqual(["d.yaml:6:3: invalid YAML: map keys must be unique"]);
  });

  it("splits only on `---` and `...` at column 0 followed by a space, a tab or the line end", () => {
    const text = "a: 1\n--- {b: 2}\n---\nc: |\n  ---\n  x\n  ----\n...\n# gone\n---\t\nd: 3\n...\n";
    const { documents, diagnostics } = parseYaml(text, "m.yaml");
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => [d.value, d.position.line, d.position.column])).toEqual([
      [{ a: 1 }, 1, 1],
      [{ b: 2 }, 2, 5],
      [{ c: "---\nx\n----\n" }, 4, 1],
      [{ d: 3 }, 11, 1],
    ]);
  });

  it.each([
    ["a flow sequence as a key", "a: 1\n[x, y]: 2\n"],
    ["a flow map as a key inside a list", "- {k: v}: 1\n"],
    ["an explicit key", "? [x]\n: 1\n"],
    ["a tag", "a: !!str 12\nb: ! 3\n"],
  ])("gives what the whole-stream parser gives for %s", (_, doc) => {
    const { documents, diagnostics } = parseYaml(`---\n${doc}`, "k.yaml");
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual(reference(doc).values);
  });

  it("resolves plain scalars as the YAML 1.2 core schema does on every path", () => {
    const doc =
      "a: [1_000, 0o17, 0x1F, 012, .5, +12, -0, 1e3, 1.50, .inf, -.Inf, .NaN, ~, Null, '', yes, no, on, True, FALSE, 2026-01-01, '123', \"true\", 1:2, 0b11]\nb: {<<: {x: 1}}\n";
    const fast = parseYaml(doc, "s.yaml").documents[0]!.value;
    expect(fast).toEqual(reference(doc).values[0]);
    expect((fast as { a: unknown[] }).a.slice(0, 6)).toEqual(["1_000", 15, 31, 12, 0.5, 12]);
    // A directive makes the stream take the whole-stream path; the values are the same.
    expect(parseYaml(`%YAML 1.2\n---\n${doc}`, "s.yaml").documents[0]!.value).toEqual(fast);
  });
});

describe("limits per document", () => {
  const big = (bytes: number) => `apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ${"x".repeat(bytes - 46)}\n`;

  it("refuses a document over 3 MiB at its position and keeps the rest of the file", () => {
    const limit = DEFAULT_YAML_LIMITS.maxDocumentBytes;
    expect(limit).toBe(3 * 1024 * 1024);
    expect(big(100)).toHaveLength(100);
    const text = `${big(limit)}---\n${big(limit + 1)}---\n${big(limit)}`;
    const { documents, diagnostics } = parseYaml(text, "big.yaml");
    expect(diagnostics.map(at)).toEqual([
      `big.yaml:6:1: document is ${limit + 1} bytes, more than the limit of ${limit} bytes per object (as the Kubernetes API server)`,
    ]);
    expect(documents.map((d) => d.position.line)).toEqual([1, 11]);
  });

  it("accepts a file far over the old 4 MiB file limit made of small documents", () => {
    const { text, manifests } = helmStream(4000, 3);
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(parseYaml(text, "s.yaml").documents).toHaveLength(manifests.length);
  });

  it("refuses the file past the whole-file cap", () => {
    const limits: YamlLimits = { ...DEFAULT_YAML_LIMITS, maxBytes: 1000 };
    expect(parseYaml(big(1001), "f.yaml", limits).diagnostics.map(at)).toEqual(["f.yaml:1:1: file is 1001 bytes, more than the limit of 1000 bytes"]);
  });

  it.each([
    ["JSON", (n: number) => `${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["YAML flow", (n: number) => `a: ${"[".repeat(n - 1)}${"]".repeat(n - 1)}\n`],
  ])("bounds nesting depth (%s): 1,000 levels pass, 1,001 are refused", (_, nest) => {
    expect(parseYaml(`---\n${nest(1000)}`, "n.yaml").diagnostics).toEqual([]);
    expect(parseYaml(`---\n${nest(1001)}`, "n.yaml").diagnostics.map(at)).toEqual([
      "n.yaml:2:1: refused YAML: the document nests maps and lists more than 1000 levels deep",
    ]);
  });

  it("refuses an alias bomb in the 3rd document at its position, with the other documents kept", () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]"].join(
      "\n",
    );
    const text = `x: 1\n---\ny: 2\n---\n# Source: bomb\n${bomb}\n---\nz: &ok 3\nw: *ok\n`;
    const { documents, diagnostics } = parseYaml(text, "b.yaml");
    expect(diagnostics.map(at)).toEqual(["b.yaml:6:1: refused YAML: aliases expand to more than 100 nodes (an alias bomb)"]);
    expect(documents.map((d) => d.value)).toEqual([{ x: 1 }, { y: 2 }, { z: 3, w: 3 }]);
  });
});

describe("loadManifests", () => {
  it("reads one big helm-like file (over the old 4 MiB limit): every manifest with its line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-stream-"));
    const { text, manifests } = helmStream(3000, 5);
    writeFileSync(join(dir, "all.yaml"), text);
    const loaded = await loadManifests(["all.yaml"], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.manifests.map((m) => m.value)).toEqual(manifests);
    expect(loaded.manifests[999]!.line).toBe(reference(text).lines[999]);
    expect(loaded.manifests[999]!.file).toBe("all.yaml");
  });
});
