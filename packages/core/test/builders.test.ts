import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accessPolicy, allow, crd, defineDocuments, deny, documentJsonSchema, loadDocuments, loadFiles, workloadPolicy } from "@rampart/core";

const yaml = `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: team-a }
spec:
  subjects: [{ group: team-a }, { serviceAccount: ci/deployer }]
  rules:
    - { effect: allow, verbs: [get, list], resources: [pods, deployments.apps, widgets.example.com], namespaces: [team-a] }
    - { effect: deny, verbs: ["*"], resources: [pods], namespaces: ["*"], names: ["nginx*"], expires: "2026-12-31T18:00:00.000Z" }
`;

const built = accessPolicy("team-a", {
  subjects: [{ group: "team-a" }, { serviceAccount: "ci/deployer" }],
  rules: [
    allow({ verbs: ["get", "list"], resources: ["pods", "deployments.apps", crd("widgets.example.com")], namespaces: ["team-a"] }),
    deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"], expires: new Date("2026-12-31T18:00:00Z") }),
  ],
});

describe("typed builders", () => {
  it("produce the same validated document as YAML", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-builders-"));
    writeFileSync(join(dir, "p.yaml"), yaml);
    const fromYaml = await loadFiles(["p.yaml"], { cwd: dir });
    const fromTs = loadDocuments([built]);
    expect(fromYaml.diagnostics).toEqual([]);
    expect(fromTs.diagnostics).toEqual([]);
    expect(fromTs.documents).toEqual(fromYaml.documents);
  });

  it("load from a .ts module through jiti", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rampart-builders-ts-"));
    const core = join(process.cwd(), "packages/core/src/index.ts");
    writeFileSync(
      join(dir, "policies.ts"),
      `import { accessPolicy, allow, defineDocuments } from ${JSON.stringify(core)};
export default defineDocuments(accessPolicy("team-b", { subjects: [{ user: "bob" }], rules: [allow({ verbs: ["get"], resources: ["pods/log"] })] }));
`,
    );
    const { documents, diagnostics } = await loadFiles([dir]);
    expect(diagnostics).toEqual([]);
    expect(documents).toHaveLength(1);
    expect(documents[0]!.metadata.name).toBe("team-b");
  });

  it("reject typos at the type level", () => {
    // Each @ts-expect-error below fails `pnpm typecheck` if the typo stops being a type error.
    // @ts-expect-error unknown verb
    allow({ verbs: ["gett"], resources: ["pods"] });
    // @ts-expect-error unknown built-in resource
    allow({ verbs: ["get"], resources: ["pod"] });
    // @ts-expect-error unknown workload rule
    workloadPolicy("x", { rules: [{ readOnlyRootFileSystem: true }] });
    expect(defineDocuments(built).documents).toHaveLength(1);
  });

  it("export a JSON Schema with every kind", () => {
    const schema = documentJsonSchema() as { oneOf: { properties: { kind: { const: string } } }[] };
    expect(schema.oneOf.map((s) => s.properties.kind.const)).toEqual(["AccessPolicy", "WorkloadPolicy", "TrafficPolicy", "Cluster", "Inventory", "PolicyTest"]);
  });
});

describe("committed JSON Schema", () => {
  it("schema/rampart.schema.json is up to date (regenerate: node --import jiti/register packages/core/scripts/gen-json-schema.ts)", async () => {
    const { readFileSync } = await import("node:fs");
    const committed = readFileSync(new URL("../schema/rampart.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
  });
});
