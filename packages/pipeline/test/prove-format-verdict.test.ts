// formatVerdict: the lines `rampart verify` prints. The CLI's e2e tests read them through the built binary, which a
// mutation run cannot see; these pin each line of the library function exactly.
import { describe, expect, it } from "vitest";
import { formatVerdict, type VerifyResult } from "@rampart/pipeline";

const request = { user: "mallory", verb: "get", resource: "secrets" };
const flow = (n: number, rules: string[]) => ({ src: "web/a", dst: `team/p${n}`, port: "80/TCP", rules, files: ["np.yaml"] });
const result = {
  ok: false,
  diagnostics: [],
  clusters: [
    { cluster: "a", objects: 7, checked: 12, overGrants: [], underGrants: 2, unexplained: 0, writeLayer: true, network: undefined },
    {
      cluster: "b",
      objects: 9,
      checked: 30,
      overGrants: [
        { request, files: ["rbac/x.yaml", "rbac/y.yaml"] },
        { request, files: [] },
      ],
      underGrants: 1,
      unexplained: 1,
      writeLayer: false,
      network: { checked: 40, universe: "2 namespaces", overAdmissions: [flow(1, ["t/deny[0]", "u/deny[2]"]), flow(2, [])], underAdmitted: 3 },
    },
  ],
} as unknown as VerifyResult;

describe("formatVerdict", () => {
  it("one line per cluster and proof, one per over-grant and over-admission with the files that cause it", () => {
    expect(formatVerdict(result)).toEqual([
      "a: 7 objects, 12 requests checked, 0 over-grants, 2 under-grants (0 unexplained)",
      "b: 9 objects, 30 requests checked, 2 over-grants, 1 under-grants (1 unexplained)",
      "  the write-path admission policy `rampart-access-writes` is missing from the tree: RBAC's broad write grants are not narrowed",
      `  over-grant: ${JSON.stringify(request)} granted by b/rbac/x.yaml, b/rbac/y.yaml`,
      `  over-grant: ${JSON.stringify(request)} granted by (no binding found)`,
      "b: network: 40 flows checked on 2 namespaces, 2 over-admissions, 3 under-admissions",
      "  over-admission: web/a → team/p1 80/TCP (denied by the TrafficPolicies: t/deny[0], u/deny[2]) admitted by b/np.yaml",
      "  over-admission: web/a → team/p2 80/TCP (denied by the TrafficPolicies) admitted by b/np.yaml",
    ]);
  });

  it("`onlyProblems` leaves out the clusters that neither over-grant nor over-admit", () => {
    const lines = formatVerdict(result, { onlyProblems: true });
    expect(lines.length).toBe(7);
    expect(lines[0]).toBe("b: 9 objects, 30 requests checked, 2 over-grants, 1 under-grants (1 unexplained)");
    const b = result.clusters[1]!;
    const admitsOnly = { ...b, cluster: "c", overGrants: [], writeLayer: true };
    const onlyNetwork = formatVerdict({ ...result, clusters: [result.clusters[0]!, admitsOnly] }, { onlyProblems: true });
    expect(onlyNetwork.map((l) => l.slice(0, 13))).toEqual(["c: 9 objects,", "c: network: 4", "  over-admiss", "  over-admiss"]);
  });

  it("at most 20 over-grants and 20 over-admissions per cluster are listed", () => {
    const b = result.clusters[1]!;
    const many = {
      ...result,
      clusters: [{ ...b, overGrants: Array(25).fill(b.overGrants[0]), network: { ...b.network!, overAdmissions: Array(25).fill(flow(1, [])) } }],
    } as VerifyResult;
    const lines = formatVerdict(many);
    expect(lines.filter((l) => l.startsWith("  over-grant: ")).length).toBe(20);
    expect(lines.filter((l) => l.startsWith("  over-admission: ")).length).toBe(20);
  });

  it("the missing write-path policy is named only when RBAC over-grants; a cluster that only over-grants is a problem", () => {
    const a = result.clusters[0]!;
    const b = result.clusters[1]!;
    const noWriteLayer = { ...a, writeLayer: false };
    expect(formatVerdict({ ...result, clusters: [noWriteLayer] })).toEqual([
      "a: 7 objects, 12 requests checked, 0 over-grants, 2 under-grants (0 unexplained)",
    ]);
    const grantsOnly = { ...b, writeLayer: true, network: undefined };
    expect(formatVerdict({ ...result, clusters: [a, grantsOnly] }, { onlyProblems: true })).toEqual([
      "b: 9 objects, 30 requests checked, 2 over-grants, 1 under-grants (1 unexplained)",
      `  over-grant: ${JSON.stringify(request)} granted by b/rbac/x.yaml, b/rbac/y.yaml`,
      `  over-grant: ${JSON.stringify(request)} granted by (no binding found)`,
    ]);
  });
});
