import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFiles, type Diagnostic } from "@rampart/core";

const dir = mkdtempSync(join(tmpdir(), "rampart-clusters-"));
const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} | ${d.hint ?? ""} [${d.code}]`;

async function load(files: Record<string, string>): Promise<Diagnostic[]> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return (await loadFiles(Object.keys(files), { cwd: dir })).diagnostics;
}

const clusters = `apiVersion: rampart.dev/v1alpha1
kind: Cluster
metadata: { name: prod }
spec:
  tags: { environment: prod, region: eu }
---
apiVersion: rampart.dev/v1alpha1
kind: Cluster
metadata: { name: dev }
spec:
  tags: { environment: dev, region: us }
`;

const guardrails = (selector: string) => `apiVersion: rampart.dev/v1alpha1
kind: AccessPolicy
metadata: { name: guardrails }
spec:
  subjects: [{ group: dev }]
  clusters: ${selector}
  rules:
    - effect: deny
      verbs: ["*"]
      resources: [secrets]
      namespaces: ["*"]
`;

describe("clusters selectors never narrow silently", () => {
  it("a misspelled tag key is an error at the key, with a did-you-mean hint", async () => {
    expect((await load({ "clusters.yaml": clusters, "g1.yaml": guardrails("{ enviroment: prod }") })).map(at)).toEqual([
      "g1.yaml:6:15: error: AccessPolicy `guardrails` selects clusters by tag `enviroment`, which no Cluster has; did you mean `environment`? | the Clusters' tag keys are `environment`, `region` [cluster-selector-unknown-tag]",
    ]);
  });

  it("a block-style selector: the key's own line and column", async () => {
    expect((await load({ "clusters.yaml": clusters, "g2.yaml": guardrails("\n    region: eu\n    enviroment: prod") })).map(at)).toEqual([
      "g2.yaml:8:5: error: AccessPolicy `guardrails` selects clusters by tag `enviroment`, which no Cluster has; did you mean `environment`? | the Clusters' tag keys are `environment`, `region` [cluster-selector-unknown-tag]",
    ]);
  });

  it("a key far from every tag gets no guess", async () => {
    expect((await load({ "clusters.yaml": clusters, "g3.yaml": guardrails("{ team: payments }") })).map(at)).toEqual([
      "g3.yaml:6:15: error: AccessPolicy `guardrails` selects clusters by tag `team`, which no Cluster has | the Clusters' tag keys are `environment`, `region` [cluster-selector-unknown-tag]",
    ]);
  });

  it("a misspelled value is an error at the value, with a did-you-mean hint", async () => {
    expect((await load({ "clusters.yaml": clusters, "g4.yaml": guardrails("{ environment: prd }") })).map(at)).toEqual([
      "g4.yaml:6:28: error: AccessPolicy `guardrails` selects clusters with `environment: prd`, which no Cluster has; did you mean `prod`? | Clusters have `environment` `dev`, `prod` [cluster-selector-unmatched]",
    ]);
  });

  it("existing values that no single Cluster combines", async () => {
    expect((await load({ "clusters.yaml": clusters, "g5.yaml": guardrails("{ environment: prod, region: us }") })).map(at)).toEqual([
      "g5.yaml:6:13: error: AccessPolicy `guardrails` selects clusters with {environment: prod, region: us}, which no single Cluster has: the policy applies nowhere | the clusters are `prod` {environment: prod, region: eu}, `dev` {environment: dev, region: us} [cluster-selector-unmatched]",
    ]);
  });

  it("without Cluster documents a selector matches nothing", async () => {
    expect((await load({ "g6.yaml": guardrails("{ environment: prod }") })).map(at)).toEqual([
      "g6.yaml:6:13: error: AccessPolicy `guardrails` selects clusters by tags, but there are no Cluster documents: the implicit `default` cluster has no tags, so the policy applies nowhere | declare the clusters as Cluster documents with `spec.tags` and load them with the policies, or remove `clusters` [cluster-selector-unmatched]",
    ]);
  });

  it("a selector that matches stays clean, and so does examples/platform", async () => {
    expect(await load({ "clusters.yaml": clusters, "g7.yaml": guardrails("{ environment: prod }") })).toEqual([]);
    const example = await loadFiles(["examples/platform/policies", "examples/platform/typescript"], { cwd: resolve(__dirname, "../../..") });
    expect(example.diagnostics.filter((d) => d.code.startsWith("cluster-selector"))).toEqual([]);
    expect((await loadFiles(["examples/platform/policies"], { cwd: resolve(__dirname, "../../..") })).diagnostics).toEqual([]);
  });
});
