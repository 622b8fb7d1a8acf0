import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify, type Document, type Node } from "yaml";
import { parseYaml } from "@rampart/core";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { parseFast } from "../src/load/yaml-fast.js";
import { jsonOffsetLocator } from "../src/load/json-positions.js";
import { NodeRecorder, offsetLocator } from "../src/load/yaml-positions.js";
import { firstContent, splitDocuments } from "../src/load/yaml-split.js";

// The oracle: where the `yaml` library's nodes start, found as the loader documents it (the deepest
// node a path reaches, the key node with `key` when the whole path exists), written out here.
function oracleOffset(doc: Document, path: readonly PropertyKey[], key: boolean): number | undefined {
  let node: Node | undefined = doc.contents ?? undefined;
  let keyNode: Node | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment] as Node;
    } else break;
    depth++;
  }
  return (key && depth === path.length && keyNode ? keyNode : node)?.range?.[0];
}

/** Every path to a node of a value, and one that goes past each map and list. */
function pathsOf(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
    out.push([...prefix, value.length], [...prefix, "0"]);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
    out.push([...prefix, "no-such-field", "x"]);
  }
  return out;
}

/** Compares the recorded-node offsets of one single-document text with the oracle; true when the fast locator answered. */
function compare(text: string): boolean {
  const recorder = new NodeRecorder();
  const fast = parseFast(text, Math.max(0, firstContent(text, 0, text.length)), 1000, false, recorder.listener);
  if (fast === undefined) return false;
  const locator = offsetLocator(recorder, text);
  if (locator === undefined) return false;
  const [doc] = parseAllDocuments(text, { version: "1.2", uniqueKeys: true }) as Document[];
  for (const path of pathsOf(fast.value)) {
    for (const key of [false, true]) {
      const offset = locator(path, key);
      if (offset !== undefined) expect({ path, key, offset }).toEqual({ path, key, offset: oracleOffset(doc!, path, key) });
    }
  }
  return true;
}

/** Compares the JSON scanner's offsets of one JSON document (after `prefix`, e.g. a comment) with the oracle, for every path. */
function compareJson(json: string, prefix = ""): void {
  const text = prefix + json;
  const fast = parseFast(text, firstContent(text, 0, text.length), 1000);
  expect(fast?.json).toBe(true);
  const locator = jsonOffsetLocator(text, firstContent(text, 0, text.length));
  expect(locator).toBeDefined();
  const [doc] = parseAllDocuments(text, { version: "1.2", uniqueKeys: true }) as Document[];
  for (const path of pathsOf(fast!.value)) {
    for (const key of [false, true]) expect({ path, key, offset: locator!(path, key) }).toEqual({ path, key, offset: oracleOffset(doc!, path, key) });
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === "node_modules" || e.name.startsWith(".")
      ? []
      : e.isDirectory()
        ? yamlFiles(join(dir, e.name))
        : /\.ya?ml$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
  );
}

const HAND_WRITTEN = [
  "a: 1\nb:\n  - x\n  - y: 2\n    z: [3, 4]\n",
  "# leading comment\n\nkey: # a comment\n  value\nnext:   spaced\n",
  "spec:\n  rules:\n    - verbs: [get, list]\n      resources:\n        - pods\n",
  'quoted: "a: b"\n\'single\': x\n"k e y": {a: 1, b: [1, 2]}\n',
  "block: |\n  line one\n  line two\nfolded: >-\n  text\nafter: 1\n",
  "plain: multi\n  line\n  scalar\nnum: 1.5\n1: one\ntrue: yes\n",
  "list:\n- a\n- b\n-   c\nmap:\n    deep:\n        deeper: 1\n",
  "crlf: 1\r\nlist:\r\n  - a\r\n",
  "empty:\nafter: 1\n",
  "- a\n- - b\n  - c\n- k: v\n",
  "a: {}\nb: []\nc: ~\nd: null\ne: ''\n",
];

describe("positions from js-yaml's node events", () => {
  it("match the yaml library's node positions on every YAML file of the repository", () => {
    let answered = 0;
    let documents = 0;
    for (const file of yamlFiles(REPO_ROOT)) {
      const text = readFileSync(file, "utf8");
      // Each document's own text, as the loader cuts the stream.
      for (const chunk of splitDocuments(text) ?? []) {
        const source = text.slice(chunk.start, chunk.end);
        if (firstContent(source, 0, source.length) < 0) continue;
        const [doc] = parseAllDocuments(source) as Document[];
        if (doc === undefined || doc.errors.length > 0) continue;
        documents++;
        if (compare(source)) answered++;
      }
    }
    expect(documents).toBeGreaterThan(150);
    expect(answered / documents).toBeGreaterThan(0.9);
  });

  it("match them on hand-written documents of every block and flow style", () => {
    const answered = HAND_WRITTEN.filter((text) => compare(text));
    // The empty value is left to the yaml library; every other form is answered.
    expect(answered.length).toBe(HAND_WRITTEN.length - 1);
  });

  it("property: match them on random documents in random styles", () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("a: b", "- x", "#c", "multi\nline", "x #y"),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
      list: fc.array(tie("node"), { maxLength: 3 }),
      map: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), tie("node"), { maxKeys: 3 }),
    })).node;
    const style = fc.record({
      indent: fc.integer({ min: 2, max: 4 }),
      indentSeq: fc.boolean(),
      collectionStyle: fc.constantFrom("any", "block", "flow") as fc.Arbitrary<"any" | "block" | "flow">,
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL") as fc.Arbitrary<"PLAIN">,
      defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE") as fc.Arbitrary<null>,
    });
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), value, { minKeys: 1, maxKeys: 4 }), style, (v, options) => {
        runs++;
        if (compare(stringify(v, { ...options, lineWidth: 0 }))) answered++;
      }),
      { numRuns: 300, ...(process.env.RAMPART_FC_SEED ? { seed: Number(process.env.RAMPART_FC_SEED) } : {}) },
    );
    expect(answered / runs).toBeGreaterThan(0.5);
  });

  it("JSON documents: the scanner's offsets match the yaml library's, in every layout", () => {
    compareJson('{"kind":"AccessPolicy","spec":{"rules":[{"verbs":["get"],"resources":["pods"]}],"e":{},"l":[]}}');
    compareJson('{ "a" : [ 1 , -2.5e3 , true , null , "x\\"y" ] ,\r\n\t"k\\u0041" : { "n" : { } } }');
    compareJson('[{"a":1},[],"s"]', "# a comment first\n\n");
    const json = fc.jsonValue({ maxDepth: 4 }).filter((v) => v !== null && typeof v === "object");
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, "\t"), (v, indent) => compareJson(JSON.stringify(v, null, indent))),
      { numRuns: 300, ...(process.env.RAMPART_FC_SEED ? { seed: Number(process.env.RAMPART_FC_SEED) } : {}) },
    );
  });

  it("JSON scanner: text that is not whole JSON gives no locator (the yaml library answers instead)", () => {
    for (const broken of ['{"a": "unterminated', '{"a": [1, 2', '{"k\\']) expect(jsonOffsetLocator(broken, 0)).toBeUndefined();
    // A byte order mark shifts the text the yaml library reads: the scanner leaves such a document to it.
    expect(jsonOffsetLocator('\ufeff{"a": 1}', 1)).toBeUndefined();
  });

  it("parseYaml answers positions the same through either locator", () => {
    const text = "kind: AccessPolicy\nspec:\n  rules:\n    - verbs: [get]\n      resources:\n        - pods\n---\nempty:\nnext: 1\n";
    const [first, second] = parseYaml(text, "f.yaml").documents;
    expect(first!.locate(["spec", "rules", 0, "resources", 0])).toEqual({ file: "f.yaml", line: 6, column: 11 });
    expect(first!.locate(["spec", "rules", 0, "verbs"], true)).toEqual({ file: "f.yaml", line: 4, column: 7 });
    expect(first!.locate(["spec", "nope", "x"])).toEqual({ file: "f.yaml", line: 3, column: 3 });
    // An empty value: the yaml library's path answers.
    expect(second!.locate(["next"])).toEqual({ file: "f.yaml", line: 9, column: 7 });
    // A JSON document (after a YAML one): its scanned positions, in the file's lines.
    const json = parseYaml(`a: 1\n---\n{\n  "spec": {"rules": [\n    {"verbs": ["get"]}]}}\n`, "j.yaml").documents[1]!;
    expect(json.locate(["spec", "rules", 0, "verbs", 0])).toEqual({ file: "j.yaml", line: 5, column: 16 });
    expect(json.locate(["spec", "rules"], true)).toEqual({ file: "j.yaml", line: 4, column: 12 });
  });
});
