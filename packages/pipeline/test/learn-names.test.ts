import { inferNames } from "@rampart/pipeline";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const A = "bcdfghjklmnpqrstvwxz2456789";

describe("generated names become a glob only when every name fits", () => {
  it("merges Deployment pod names of one controller, even one alone", () => {
    expect(inferNames(["api-7c9f5d8b4-x2k4p", "api-7c9f5d8b4-bq9zz", "api-66b5d9c7f-lmn2p"])).toEqual(["api-*"]);
    expect(inferNames(["api-7c9f5d8b4-x2k4p"])).toEqual(["api-*"]);
  });

  it("merges Job names with scheduled-minute digits only when two fit", () => {
    expect(inferNames(["report-28391234", "report-28391294"])).toEqual(["report-*"]);
    expect(inferNames(["report-28391234"])).toEqual(["report-28391234"]);
  });

  it("keeps human names and StatefulSet ordinals named", () => {
    expect(inferNames(["web-0", "web-1", "web-2"])).toEqual(["web-0", "web-1", "web-2"]);
    expect(inferNames(["database", "cache-main", "api"])).toEqual(["api", "cache-main", "database"]);
    // vowels never occur in generated suffixes
    expect(inferNames(["team-alpha", "team-omega"])).toEqual(["team-alpha", "team-omega"]);
  });

  it("does not glob when a human name would fall under the glob", () => {
    expect(inferNames(["api-7c9f5d8b4-x2k4p", "api-7c9f5d8b4-bq9zz", "api-config"])).toEqual(["api-7c9f5d8b4-bq9zz", "api-7c9f5d8b4-x2k4p", "api-config"]);
  });

  it("does not glob over a forbidden name", () => {
    expect(inferNames(["api-7c9f5d8b4-x2k4p", "api-7c9f5d8b4-bq9zz"], ["api-admin"])).toEqual(["api-7c9f5d8b4-bq9zz", "api-7c9f5d8b4-x2k4p"]);
    expect(inferNames(["api-7c9f5d8b4-x2k4p", "api-7c9f5d8b4-bq9zz"], ["web-admin"])).toEqual(["api-*"]);
  });

  it("keeps each controller's glob apart", () => {
    expect(inferNames(["api-7c9f5d8b4-x2k4p", "web-5d8b4c7f9-bq9zz", "nightly-29000001", "nightly-29000002", "debug-0"])).toEqual([
      "api-*",
      "debug-0",
      "nightly-*",
      "web-*",
    ]);
  });

  it("property: every observed name is covered, no forbidden name is, and non-generated names stay literal", () => {
    const suffix = (n: number) => fc.array(fc.constantFrom(...A), { minLength: n, maxLength: n }).map((cs) => cs.join(""));
    const pod = fc.tuple(fc.constantFrom("api", "web", "worker"), suffix(9), suffix(5)).map(([p, h, s]) => `${p}-${h}-${s}`);
    const human = fc.constantFrom("db-0", "db-1", "config", "api-settings", "web");
    fc.assert(
      fc.property(fc.array(fc.oneof(pod, human), { minLength: 1, maxLength: 20 }), fc.array(fc.oneof(pod, human), { maxLength: 3 }), (observed, forbidden) => {
        const denied = forbidden.filter((f) => !observed.includes(f));
        const names = inferNames(observed, denied);
        const match = (g: string, n: string) => (g.endsWith("*") ? n.startsWith(g.slice(0, -1)) : g === n);
        for (const n of observed) expect(names.some((g) => match(g, n))).toBe(true);
        for (const f of denied) expect(names.some((g) => match(g, f))).toBe(false);
        for (const g of names) if (g.endsWith("*")) expect(observed.every((n) => !match(g, n) || /-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
