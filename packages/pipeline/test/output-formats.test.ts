import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXIT,
  contextList,
  githubAnnotations,
  inventoryTarget,
  manifestStream,
  parseExternals,
  renderOutput,
  sarifLog,
  type OutputFinding,
} from "@rampart/pipeline";
import { EXIT as SUBPATH_EXIT } from "@rampart/pipeline/exit-codes";

const AT_FILE: OutputFinding = {
  code: "unknown-field",
  severity: "error",
  message: "unknown field `grup`",
  hint: "did you mean `group`?",
  file: "p/a b.yaml",
  line: 5,
  column: 16,
};
const ON_COMMAND_LINE: OutputFinding = { code: "unknown-cluster", severity: "info", message: "50%, done:\nnext", file: "<command line>", line: 0, column: 0 };

describe("CI formats of findings", () => {
  it("SARIF: one rule per code (sorted), a location only for files, the hint in the message", () => {
    expect(sarifLog([AT_FILE, ON_COMMAND_LINE], "9.9.9")).toEqual({
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "rampart",
              version: "9.9.9",
              informationUri: "https://github.com/rampart-dev/rampart",
              rules: [
                { id: "unknown-cluster", shortDescription: { text: "unknown-cluster" } },
                { id: "unknown-field", shortDescription: { text: "unknown-field" } },
              ],
            },
          },
          results: [
            {
              ruleId: "unknown-field",
              ruleIndex: 1,
              level: "error",
              message: { text: "unknown field `grup` (did you mean `group`?)" },
              locations: [{ physicalLocation: { artifactLocation: { uri: "p/a%20b.yaml" }, region: { startLine: 5, startColumn: 16 } } }],
            },
            { ruleId: "unknown-cluster", ruleIndex: 0, level: "note", message: { text: "50%, done:\nnext" } },
          ],
        },
      ],
    });
  });

  it("GitHub workflow commands: escaped message and properties, no file for `<command line>`", () => {
    expect(githubAnnotations([AT_FILE, ON_COMMAND_LINE])).toEqual([
      "::error file=p/a b.yaml,line=5,col=16,title=rampart unknown-field::unknown field `grup` (did you mean `group`?)",
      "::notice title=rampart unknown-cluster::50%25, done:%0Anext",
    ]);
  });

  it("renderOutput: JSON and YAML carry the data, SARIF and GitHub the findings", () => {
    expect(renderOutput("json", { a: [1] }, [AT_FILE], "1")).toEqual(['{\n  "a": [\n    1\n  ]\n}']);
    expect(renderOutput("yaml", { a: [1] }, [AT_FILE], "1")).toEqual(["a:\n  - 1"]);
    expect(renderOutput("github", { a: [1] }, [AT_FILE], "1")).toEqual(githubAnnotations([AT_FILE]));
  });
});

describe("small parsers and targets", () => {
  it("exit codes: one definition, the same on the dependency-free subpath", () => {
    expect(EXIT).toEqual({ ok: 0, outcome: 1, invalid: 2, internal: 70 });
    expect(SUBPATH_EXIT).toBe(EXIT);
  });

  it("external addresses and context lists", () => {
    expect(parseExternals(["203.0.113.7"])).toEqual({ externals: [{ ip: { family: 4, address: 3405803783n }, label: "203.0.113.7" }] });
    expect(parseExternals(["203.0.113.7", "nope"])).toEqual({ error: "`--external nope` is not an IPv4 or IPv6 address" });
    expect(contextList(["a,b", " b ", "", "c"])).toEqual(["a", "b", "c"]);
  });

  it("inventory targets: `-` prints one, a directory takes several, an existing file cannot", () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-target-"));
    mkdirSync(join(dir, "inv"));
    writeFileSync(join(dir, "one.yaml"), "");
    expect(inventoryTarget("-", dir, false)).toEqual({ kind: "stdout" });
    expect(inventoryTarget("-", dir, true)).toEqual({ error: "`-o -` prints one inventory; give `-o DIR` for several contexts" });
    expect(inventoryTarget("inv", dir, false)).toEqual({ kind: "dir", path: join(dir, "inv") });
    expect(inventoryTarget("new/", dir, false)).toEqual({ kind: "dir", path: join(dir, "new") });
    expect(inventoryTarget("one.yaml", dir, false)).toEqual({ kind: "file", path: join(dir, "one.yaml") });
    expect(inventoryTarget("one.yaml", dir, true)).toEqual({ error: "`-o one.yaml` is a file; several contexts need a directory (one `<context>.yaml` each)" });
  });

  it("a cluster's manifests as one stream: YAML files in path order, without kustomization.yaml and report.json", () => {
    const files = new Map([
      ["rbac/b.yaml", "---\nkind: B\n"],
      ["kustomization.yaml", "resources: []\n"],
      ["admission/a.yaml", "kind: A\n"],
      ["report.json", "{}\n"],
    ]);
    expect(manifestStream(files)).toBe("kind: A\n---\nkind: B");
  });
});
