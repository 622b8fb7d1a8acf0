import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../../test-support/conformance.js";
import { githubAnnotations } from "@rampart/pipeline";
import { BAD_POLICY, folder, run } from "./helpers.js";

const EXAMPLE = join(REPO_ROOT, "examples/platform/policies");
const schema = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/sarif/sarif-schema-2.1.0.json"), "utf8"));
// CommonJS modules: their classes are on `default` both for TypeScript and at run time.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(text: string) {
  const log = JSON.parse(text);
  const ok = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return log;
}

describe("-o sarif", () => {
  it("check: invalid policies are a valid SARIF 2.1.0 log with each error at its position, exit 2", async () => {
    const dir = folder({ "bad.yaml": BAD_POLICY });
    const r = await run(["check", ".", "-o", "sarif"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("");
    const log = expectValidSarif(r.stdout);
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].tool.driver.rules).toEqual([{ id: "unknown-field", shortDescription: { text: "unknown-field" } }]);
    expect(log.runs[0].results).toEqual([
      {
        ruleId: "unknown-field",
        ruleIndex: 0,
        level: "error",
        message: { text: "unknown field `grup` in AccessPolicy `spec.subjects[0]` (did you mean `group`?)" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "bad.yaml" }, region: { startLine: 5, startColumn: 16 } } }],
      },
    ]);
  });

  it("lint, check, admit and test on the example: valid SARIF with one result per finding of `-o json`", async () => {
    const lintJson = JSON.parse((await run(["lint", EXAMPLE, "-o", "json", "--at", "2026-12-01T00:00:00Z"], REPO_ROOT)).stdout);
    const lint = expectValidSarif((await run(["lint", EXAMPLE, "-o", "sarif", "--at", "2026-12-01T00:00:00Z"], REPO_ROOT)).stdout);
    expect(lint.runs[0].results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level])).toEqual(
      lintJson.findings.map((f: { code: string; severity: string }) => [f.code, f.severity === "info" ? "note" : f.severity]),
    );
    const checkJson = JSON.parse((await run(["check", EXAMPLE, "-o", "json"], REPO_ROOT)).stdout);
    const check = expectValidSarif((await run(["check", EXAMPLE, "-o", "sarif"], REPO_ROOT)).stdout);
    expect(check.runs[0].results).toHaveLength(checkJson.diagnostics.length);
    expect(check.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "examples/platform/policies/access.yaml" },
      region: { startLine: checkJson.diagnostics[0].line, startColumn: checkJson.diagnostics[0].column },
    });
    const test = await run(["test", EXAMPLE, "-o", "sarif", "--at", "2026-12-01T00:00:00Z"], REPO_ROOT);
    expect(test.code).toBe(0);
    expect(expectValidSarif(test.stdout).runs[0].results).toEqual([]);
  });

  it("admit: a denied manifest is an error result at the manifest's line", async () => {
    const dir = folder({
      "wp.yaml":
        "apiVersion: rampart.dev/v1alpha1\nkind: WorkloadPolicy\nmetadata: { name: no-latest }\nspec:\n  action: deny\n  rules:\n    - readOnlyRootFilesystem: true\n",
      "pod.yaml": "---\napiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop }\nspec:\n  containers: [{ name: c, image: nginx }]\n",
    });
    const r = await run(["admit", "wp.yaml", "-f", "pod.yaml", "-o", "sarif"], dir);
    expect(r.code).toBe(1);
    const results = expectValidSarif(r.stdout).runs[0].results;
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      ruleId: "no-latest",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "pod.yaml" }, region: { startLine: 2, startColumn: 1 } } }],
    });
    expect(results[0].message.text).toMatch(/^Pod shop\/web: /);
  });
});

describe("-o github", () => {
  it("check: one workflow command per problem, with file, line and column", async () => {
    const dir = folder({ "bad.yaml": BAD_POLICY });
    const r = await run(["check", ".", "-o", "github"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      "::error file=bad.yaml,line=5,col=16,title=rampart unknown-field::unknown field `grup` in AccessPolicy `spec.subjects[0]` (did you mean `group`?)",
    );
  });

  it("escapes messages and properties so that every finding stays one command that reads back unchanged", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.nat(), (message, file, line) => {
        const [a] = githubAnnotations([{ code: "c", severity: "warning", message, file, line, column: 1 }]);
        expect(a!.split("\n")).toHaveLength(1);
        const text = a!.slice(a!.indexOf("::", 2) + 2);
        expect(text.replaceAll("%0A", "\n").replaceAll("%0D", "\r").replaceAll("%25", "%")).toBe(message);
        const props = a!.slice(a!.indexOf(" ") + 1, a!.indexOf("::", 2)).split(",");
        if (!/^<.*>$/.test(file))
          expect(
            props[0]!
              .slice("file=".length)
              .replaceAll("%2C", ",")
              .replaceAll("%3A", ":")
              .replaceAll("%0A", "\n")
              .replaceAll("%0D", "\r")
              .replaceAll("%25", "%"),
          ).toBe(file);
      }),
      { numRuns: 300 },
    );
    expect(githubAnnotations([{ code: "x", severity: "info", message: "100%\ndone", file: "a,b:c.yaml", line: 0, column: 0 }])).toEqual([
      "::notice file=a%2Cb%3Ac.yaml,title=rampart x::100%25%0Adone",
    ]);
  });
});

describe("test -o github|sarif", () => {
  it("a failed case is an error annotation at the case's position; junit kept", async () => {
    const dir = folder({
      "p.yaml":
        "apiVersion: rampart.dev/v1alpha1\nkind: AccessPolicy\nmetadata: { name: a }\nspec:\n  subjects: [{ group: g }]\n  rules: [{ effect: allow, verbs: [get], resources: [pods], namespaces: [n] }]\n",
      "t.yaml":
        "apiVersion: rampart.dev/v1alpha1\nkind: PolicyTest\nmetadata: { name: t }\nspec:\n  access:\n    - request: { user: u, groups: [g], verb: get, resource: pods, namespace: n }\n      expect: allow\n    - request: { user: u, groups: [g], verb: delete, resource: pods, namespace: n }\n      expect: allow\n",
    });
    const json = await run(["test", ".", "-o", "json"], dir);
    const failed = JSON.parse(json.stdout).results.filter((r: { passed: boolean }) => !r.passed);
    expect(failed).toHaveLength(1);
    const f = failed[0];
    const gh = await run(["test", ".", "-o", "github"], dir);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toBe(
      `::error file=t.yaml,line=${f.line},col=${f.column},title=rampart policy-test-access::${f.id}: ${f.title}: expected ${f.expected}, got ${f.actual}${f.detail ? ` (${f.detail})` : ""}`.replaceAll(
        "%",
        "%25",
      ),
    );
    expect(f.line).toBe(8);
    const sarif = expectValidSarif((await run(["test", ".", "-o", "sarif"], dir)).stdout);
    expect(sarif.runs[0].results.map((r: { level: string }) => r.level)).toEqual(["error"]);
    expect((await run(["test", ".", "-o", "junit"], dir)).stdout).toMatch(/^<\?xml/);
  });
});

describe("-o yaml", () => {
  it("carries the same data as -o json, for every command that prints JSON", async () => {
    for (const args of [
      ["check", EXAMPLE],
      ["lint", EXAMPLE, "--at", "2026-12-01T00:00:00Z"],
      ["who-can", "get", "secrets", EXAMPLE, "-n", "payments", "--cluster", "dev"],
      ["eval", EXAMPLE, "--user", "alice", "--group", "payments", "--verb", "get", "--resource", "pods", "-n", "payments", "--cluster", "dev"],
    ]) {
      const json = await run([...args, "-o", "json"], REPO_ROOT);
      const yaml = await run([...args, "-o", "yaml"], REPO_ROOT);
      expect(yaml.code).toBe(json.code);
      expect(parseYaml(yaml.stdout)).toEqual(JSON.parse(json.stdout));
    }
  });

  it("an unknown format is a usage error naming the formats", async () => {
    const r = await run(["check", EXAMPLE, "-o", "xml"], REPO_ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("rampart check: unknown output format `xml`; use `-o text`, `-o json`, `-o yaml`, `-o sarif`, `-o github`");
  });
});

describe("build -o <dir>", () => {
  it.each(["json", "yaml", "sarif", "github", "junit", "text"])("refuses a directory named like the format `%s`, writes nothing, exit 2", async (name) => {
    const dir = folder({});
    const r = await run(["build", EXAMPLE, "-o", name], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      `rampart build: \`-o ${name}\` names the output directory of \`build\`, not a format; use \`--format ${name}\` for the diagnostics and \`-o <dir>\` for the manifests (\`-o ./${name}\` if you really mean a directory named \`${name}\`)`,
    );
    expect(existsSync(join(dir, name))).toBe(false);
  });

  it("--format github prints the build's diagnostics as annotations; `-o ./json` is a directory", async () => {
    const dir = folder({});
    const r = await run(["build", EXAMPLE, "-o", "./json", "--format", "github", "--source-root", REPO_ROOT], dir);
    expect(r.code).toBe(0);
    const check = await run(["check", EXAMPLE, "-o", "github"], REPO_ROOT);
    expect(r.stdout).toBe(check.stdout);
    expect(existsSync(join(dir, "json/dev/kustomization.yaml"))).toBe(true);
  });
});
