import { describe, expect, it } from "vitest";
import { accessPolicy, cluster, createInventory, deny, normaliseClusters, type RampartDocument } from "@rampart/core";
import { compileAccessAdmission } from "@rampart/compiler-vap";

const NOW = new Date("2026-01-01T00:00:00Z");
const inventory = createInventory();
const docs = (): RampartDocument[] =>
  [
    cluster("prod", { tags: { env: "prod" } }),
    cluster("dev", { tags: { env: "dev" } }),
    accessPolicy("no-secret-deletes", {
      subjects: [{ group: "devs" }],
      clusters: { env: "dev" },
      rules: [deny({ verbs: ["delete"], resources: ["secrets"] })],
    }),
  ] as RampartDocument[];

describe("compileAccessAdmission: choosing the cluster", () => {
  it("an unknown cluster name is an error with a did-you-mean, never the first cluster", () => {
    const out = compileAccessAdmission(docs(), { cluster: "deb", inventory, now: NOW });
    expect(out.objects).toEqual([]);
    expect(out.report).toEqual({ rules: [] });
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.message, d.hint])).toEqual([
      ["unknown-cluster", "error", "unknown cluster `deb`; the policies define `prod`, `dev`", "did you mean `dev`? pass one of them to `--cluster`"],
    ]);
  });

  it("several clusters and no name is an error naming them", () => {
    const out = compileAccessAdmission(docs(), { inventory, now: NOW });
    expect(out.objects).toEqual([]);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["cluster-required"]);
  });

  it("selects the policies by the named or resolved cluster's tags", () => {
    const dev = normaliseClusters(docs()).find((c) => c.name === "dev")!;
    const byName = compileAccessAdmission(docs(), { cluster: "dev", inventory, now: NOW });
    const resolved = compileAccessAdmission(docs(), { cluster: dev, inventory, now: NOW });
    expect(byName.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      "ValidatingAdmissionPolicy/rampart-access-writes",
      "ValidatingAdmissionPolicyBinding/rampart-access-writes",
    ]);
    expect(resolved).toEqual(byName);
    expect(compileAccessAdmission(docs(), { cluster: "prod", inventory, now: NOW }).objects).toEqual([]);
  });
});
