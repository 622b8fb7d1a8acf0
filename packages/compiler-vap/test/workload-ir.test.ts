import { describe, expect, it } from "vitest";
import { normaliseWorkload, workloadPolicy } from "@rampart/core";
import { docs } from "./helpers.js";

describe("normaliseWorkload (core IR)", () => {
  it("fills defaults, tags rules and keeps exemptions that are still live", () => {
    const d = docs([
      workloadPolicy("p", {
        match: { kinds: ["CronJob", "Pod", "Pod"] },
        exemptions: [
          { images: ["a/*"], owner: "x", expires: "2026-01-01" },
          { namespaces: ["n"], rules: ["cel", "cel"], owner: "y", expires: "2027-01-01T12:00:00Z", reason: "r" },
        ],
        rules: [{ podSecurity: "baseline" }, { resources: { limits: ["cpu"] } }, { cel: { expression: "true", message: "m" } }],
      }),
    ]);
    const { policies, diagnostics } = normaliseWorkload(d, { now: new Date("2026-06-01T00:00:00Z") });
    expect(diagnostics.map((x) => [x.code, x.severity, x.message])).toEqual([
      ["exemption-expired", "warning", "exemption 0 of WorkloadPolicy `p` (owner `x`) expired on `2026-01-01`: its rules apply again"],
    ]);
    const [p] = policies;
    expect(p!.action).toBe("deny");
    expect(p!.match).toEqual({ namespaces: undefined, excludeNamespaces: [], namespaceLabels: {}, kinds: ["Pod", "CronJob"] });
    expect(p!.rules.map((r) => r.rule)).toEqual([
      { name: "podSecurity", level: "baseline" },
      { name: "resources", limits: ["cpu"], requests: [] },
      { name: "cel", expression: "true", message: "m", expressionSource: { file: "<inline>", line: 1, column: 1 } },
    ]);
    expect(p!.exemptions).toEqual([
      {
        index: 1,
        namespaces: ["n"],
        images: undefined,
        rules: ["cel"],
        owner: "y",
        expires: { text: "2027-01-01T12:00:00Z", millis: Date.parse("2027-01-01T12:00:00Z") },
        reason: "r",
        source: { file: "<inline>", line: 1, column: 1 },
      },
    ]);
  });

  it("an exemption expires at its instant exactly", () => {
    const d = docs([workloadPolicy("p", { exemptions: [{ images: ["a"], owner: "x", expires: "2026-01-01" }], rules: [{ imageDigest: "required" }] })]);
    expect(normaliseWorkload(d, { now: new Date("2025-12-31T23:59:59.999Z") }).policies[0]!.exemptions).toHaveLength(1);
    expect(normaliseWorkload(d, { now: new Date("2026-01-01T00:00:00Z") }).policies[0]!.exemptions).toHaveLength(0);
  });
});
