// The CEL side: escaping (no policy text changes an expression's meaning), the Kubernetes CEL
// functions the compiler emits (each with Kubernetes' results), custom rules checked at build
// time (syntax, types, result type) with positions, and unknown rule names.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { Environment } from "@marcbachmann/cel-js";
import { describe, expect, it } from "vitest";
import { globMatch, loadDocuments, loadFiles, workloadPolicy } from "@rampart/core";
import { admit, compileVap } from "@rampart/compiler-vap";
import { docs, GOOD_CONTAINER, NOW, pod } from "./helpers.js";
import { propertyRuns } from "../../../test-support/property.js";

const env = new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true });
const expand = (image: string) => {
  const first = image.split("/")[0]!;
  if (image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost")) return image;
  return image.includes("/") ? `docker.io/${image}` : `docker.io/library/${image}`;
};
const printable = fc.string({ unit: fc.constantFrom(..."abc./:*?-_\"\\'`$(){}[]|&!=<>+ \n\t\u2028é".split("")), maxLength: 12 });
const globChars = fc.string({ unit: fc.constantFrom(..."ab./:*?-_".split("")), minLength: 1, maxLength: 8 });

describe("escaping: policy text never changes an expression's meaning", () => {
  it("allowedRegistries prefixes and custom messages (any text)", () => {
    // Inputs the loader rejects are skipped (fc.pre), never counted as passing: numRuns counts accepted inputs only.
    const runs = propertyRuns(300);
    let accepted = 0;
    const rejections = new Set<string>();
    fc.assert(
      fc.property(printable, printable, printable, (prefix, suffix, message) => {
        fc.pre(prefix.length > 0 && message.trim().length > 0);
        const { documents, diagnostics } = loadDocuments([
          workloadPolicy("p", { rules: [{ allowedRegistries: [prefix] }, { cel: { expression: "false", message } }] }),
        ]);
        for (const d of diagnostics) rejections.add(`${d.code}: ${d.message.replace(/`[^`]*`/g, "`…`")}`);
        fc.pre(diagnostics.length === 0);
        accepted++;
        const image = `${prefix}${suffix}`;
        const [r] = admit(documents, [pod("p", [{ ...GOOD_CONTAINER, image }])], { now: NOW });
        const registry = r!.violations.filter((v) => v.rule === "allowedRegistries");
        expect(registry.length === 0).toBe(expand(image).startsWith(prefix));
        expect(r!.violations.find((v) => v.rule === "cel")!.message).toBe(`cel: Pod team-a/p: ${message.replace(/[\r\n\u2028\u2029]+/g, " ")}`);
      }),
      { numRuns: runs },
    );
    expect(accepted).toBe(runs);
    expect([...rejections].sort()).toEqual(REGISTRY_REJECTIONS);
  });

  it("exemption image and namespace globs match exactly as rampart globs do", () => {
    fc.assert(
      fc.property(globChars, globChars, globChars, (imageGlob, image, namespace) => {
        const d = docs([
          workloadPolicy("p", {
            exemptions: [
              { images: [imageGlob], owner: "o" },
              { namespaces: [imageGlob.replace(/[/:]/g, "-")], rules: ["disallowLatestTag"], owner: "o" },
            ],
            rules: [{ imageDigest: "required" }, { disallowLatestTag: true }],
          }),
        ]);
        const [r] = admit(d, [pod("p", [{ ...GOOD_CONTAINER, image }], {}, namespace)], { now: NOW });
        const exempt = globMatch(imageGlob, image);
        expect(r!.violations.some((v) => v.rule === "imageDigest")).toBe(!exempt);
        const latestOk = image.includes("@") || (image.slice(image.lastIndexOf("/") + 1).includes(":") && !image.endsWith(":latest"));
        expect(r!.violations.some((v) => v.rule === "disallowLatestTag")).toBe(!exempt && !latestOk && !globMatch(imageGlob.replace(/[/:]/g, "-"), namespace));
      }),
      { numRuns: 300 },
    );
  });

  it("required label keys and resource names reach CEL as plain strings", () => {
    // `q"uote` is not a label key: the loader must reject it, and only it.
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom("a", "example.com/x", "a.b-c_d", 'q"uote'), (key) => {
        const { documents, diagnostics } = loadDocuments([workloadPolicy("p", { rules: [{ requiredLabels: [key] }] })]);
        seen.set(key, diagnostics.length);
        if (key === 'q"uote') return void expect(diagnostics.map((d) => d.code)).toEqual(["invalid-value"]);
        expect(diagnostics).toEqual([]);
        const m = pod("p", [GOOD_CONTAINER]);
        expect(admit(documents, [{ ...m, metadata: { ...m.metadata, labels: { [key]: "v" } } }], { now: NOW })[0]!.violations).toEqual([]);
        expect(admit(documents, [{ ...m, metadata: { ...m.metadata, labels: {} } }], { now: NOW })[0]!.violations.map((v) => v.message)).toEqual([
          `requiredLabels: Pod team-a/p: missing labels ${key}`,
        ]);
      }),
    );
    expect([...seen.keys()].sort()).toEqual(["a", "a.b-c_d", "example.com/x", 'q"uote']);
  });
});

/** What the loader may reject among the generated registry prefixes and messages (user text in backticks elided). */
const REGISTRY_REJECTIONS: string[] = []; // none: every generated prefix and message is accepted

/** Kubernetes CEL functions and macros the compiler emits, with the results the API server gives. */
const VECTORS: Record<string, [string, unknown][]> = {
  has: [
    ["has(o.a)", true],
    ["has(o.z)", false],
  ],
  all: [
    ["[1, 2].all(x, x > 0)", true],
    ["[].all(x, false)", true],
    ["{'a': 1}.all(k, k == 'a')", true],
  ],
  exists: [
    ["[1, 2].exists(x, x == 2)", true],
    ["[].exists(x, true)", false],
  ],
  filter: [["[1, 2, 3].filter(x, x > 1)", [2n, 3n]]],
  map: [["['a', 'b'].map(x, x + '!')", ["a!", "b!"]]],
  size: [
    ["[1, 2].size()", 2n],
    ["'héllo'.size()", 5n],
  ],
  startsWith: [
    ["'registry.example.com/x'.startsWith('registry.example.com/')", true],
    ["'a'.startsWith('ab')", false],
  ],
  endsWith: [["'nginx:latest'.endsWith(':latest')", true]],
  contains: [
    ["'a/b'.contains('/')", true],
    ["'ab'.contains('')", true],
  ],
  matches: [
    ["('x@sha256:' + 'a'.repeat(64)).matches('@sha256:[0-9a-f]{64}$')", true],
    ["'team-a'.matches('^team-.$')", true],
    ["'a.b'.matches('^a\\\\.b$')", true],
    ["'axb'.matches('^a\\\\.b$')", false],
  ],
  split: [
    ["'a/b/c'.split('/')", ["a", "b", "c"]],
    ["'abc'.split('/')", ["abc"]],
    ["'localhost:5000/x'.split('/')[0]", "localhost:5000"],
  ],
  lastIndexOf: [
    ["'a/b/c:1'.lastIndexOf('/')", 3n],
    ["'abc'.lastIndexOf('/')", -1n],
  ],
  substring: [
    ["'a/b/c:1'.substring(4)", "c:1"],
    ["'abc'.substring(0)", "abc"],
  ],
  join: [
    ["['a', 'b'].join(', ')", "a, b"],
    ["[].join(', ')", ""],
  ],
  orValue: [
    ["o.?z.orValue(7)", 7n],
    ["o.?a.orValue(7)", 1n],
    ["{'a': 1}.?b.orValue(2)", 2n],
  ],
  hasValue: [
    ["o.?a.hasValue()", true],
    ["o.?z.?y.hasValue()", false],
  ],
};

describe("Kubernetes CEL functions", () => {
  it("each function has the Kubernetes semantics", () => {
    const ctx = { o: { a: 1n } };
    for (const [name, vectors] of Object.entries(VECTORS)) {
      for (const [expression, expected] of vectors)
        expect([name, expression, env.evaluate(expression.replace("'a'.repeat(64)", `'${"a".repeat(64)}'`), ctx)]).toEqual([name, expression, expected]);
    }
  });

  it("every function the compiler emits is among the tested ones", () => {
    const { objects } = compileVap(
      docs([
        workloadPolicy("every", {
          exemptions: [{ images: ["a*b?c"], namespaces: ["x-*"], owner: "o" }],
          match: { namespaces: ["t-*", "*-u"], excludeNamespaces: ["k?"] },
          rules: [
            { podSecurity: "restricted" },
            { podSecurity: "baseline" },
            { readOnlyRootFilesystem: true },
            { automountServiceAccountToken: false },
            { imageDigest: "required" },
            { allowedRegistries: ["r/"] },
            { disallowLatestTag: true },
            { resources: { limits: ["cpu"], requests: ["memory"] } },
            { forbiddenContainerPorts: [22] },
            { requiredLabels: ["a"] },
          ],
        }),
      ]),
      { now: NOW },
    );
    const used = new Set<string>();
    const visit = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(visit);
      if (!n || typeof n !== "object") return;
      const node = n as { op?: string; args?: unknown };
      if ((node.op === "call" || node.op === "rcall") && Array.isArray(node.args)) used.add(String(node.args[0]));
      visit(node.args);
    };
    const spec = objects[0]!.spec as {
      matchConditions: { expression: string }[];
      variables: { expression: string }[];
      validations: { expression: string; messageExpression: string }[];
    };
    for (const e of [
      ...spec.matchConditions.map((c) => c.expression),
      ...spec.variables.map((v) => v.expression),
      ...spec.validations.flatMap((v) => [v.expression, v.messageExpression]),
    ])
      visit((env.parse(e) as unknown as { ast: unknown }).ast);
    expect([...used].filter((f) => !VECTORS[f]).sort()).toEqual([]);
  });
});

describe("bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "rampart-vap-"));
  const policy = (rules: string) => `apiVersion: rampart.dev/v1alpha1\nkind: WorkloadPolicy\nmetadata: { name: w }\nspec:\n  rules:\n${rules}`;
  const compileFile = async (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    const loaded = await loadFiles([name], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    return compileVap(loaded.documents, { now: NOW }).diagnostics.map((x) => `${x.file}:${x.line}:${x.column}: ${x.code}: ${x.message}`);
  };

  it("a CEL syntax error is reported at the expression, with the CEL error and its column", async () => {
    expect(await compileFile("syntax.yaml", policy("    - readOnlyRootFilesystem: true\n    - cel: { expression: 'object.spec.(', message: m }\n"))).toEqual([
      "syntax.yaml:7:26: invalid-cel: syntax error in the `cel` expression of rule 1 of WorkloadPolicy `w`: Expected IDENTIFIER, got LPAREN (expression 1:13)",
    ]);
  });

  it("type errors, undeclared variables and non-bool results are reported", async () => {
    const out = await compileFile(
      "types.yaml",
      policy(
        `    - cel:\n        expression: 'request.namespace + 1 == "x"'\n        message: m\n    - cel: { expression: "obj.spec.x", message: m }\n    - cel: { expression: "size(object.metadata.name)", message: m }\n    - cel: { expression: "request.namespac == 'a'", message: m }\n`,
      ),
    );
    expect(out).toEqual([
      "types.yaml:7:21: invalid-cel: type error in the `cel` expression of rule 0 of WorkloadPolicy `w`: no such overload: string + int (expression 1:1)",
      "types.yaml:9:26: invalid-cel: type error in the `cel` expression of rule 1 of WorkloadPolicy `w`: Unknown variable: obj (expression 1:1)",
      "types.yaml:10:26: invalid-cel: type error in the `cel` expression of rule 2 of WorkloadPolicy `w`: the expression must evaluate to bool, not int",
      "types.yaml:11:26: invalid-cel: type error in the `cel` expression of rule 3 of WorkloadPolicy `w`: No such key: namespac (expression 1:9)",
    ]);
  });

  it("a valid custom rule with comments and the policy variables compiles", async () => {
    expect(
      await compileFile("ok.yaml", policy('    - cel: { expression: "variables.containers.all(c, c.image != \\"\\") // every image set", message: m }\n')),
    ).toEqual([]);
  });

  it("unknown rule names get a did-you-mean hint", async () => {
    writeFileSync(join(dir, "unknown.yaml"), policy("    - readOnlyRootFileSystem: true\n    - podSecurty: restricted\n"));
    const loaded = await loadFiles(["unknown.yaml"], { cwd: dir });
    expect(loaded.diagnostics.map((x) => `${x.line}:${x.column}: ${x.message} | ${x.hint}`)).toEqual([
      "6:7: unknown field `readOnlyRootFileSystem` in WorkloadPolicy `spec.rules[0]` | did you mean `readOnlyRootFilesystem`?",
      "7:7: unknown field `podSecurty` in WorkloadPolicy `spec.rules[1]` | did you mean `podSecurity`?",
    ]);
  });
});
