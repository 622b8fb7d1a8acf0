// Kubernetes' CEL libraries in use: custom rules with them build without diagnostics and `admit`
// computes what the API server computes; quantity comparison and arithmetic are exact (properties).
import fc from "fast-check";
import { Environment } from "@marcbachmann/cel-js";
import { describe, expect, it } from "vitest";
import { workloadPolicy } from "@rampart/core";
import { admit, compileVap, registerKubernetesLibraries } from "@rampart/compiler-vap";
import { docs, GOOD_CONTAINER, NOW, pod } from "./helpers.js";

const runtime = registerKubernetesLibraries(new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true, homogeneousAggregateLiterals: false }));

describe("the libraries reach build and admit", () => {
  const policy = (expression: string) => docs([workloadPolicy("limits", { rules: [{ cel: { expression, message: "memory limit over 2Gi" } }] })]);
  const expression =
    "variables.containers.all(c, quantity(c.?resources.?limits.?memory.orValue('0')).compareTo(quantity('2Gi')) <= 0) && sets.contains(['a', 'b'], ['a']) && cidr('10.0.0.0/8').containsIP('10.1.2.3')";

  it("a custom rule using them builds without diagnostics", () => {
    const { diagnostics } = compileVap(policy(expression), { now: NOW });
    expect(diagnostics).toEqual([]);
  });

  it("admit computes what the API server computes (2Gi allowed, 2049Mi and 3G denied)", () => {
    const documents = policy(expression);
    const withMemory = (memory: string) =>
      pod("p", [{ ...GOOD_CONTAINER, resources: { limits: { cpu: "1", memory }, requests: { cpu: "1", memory: "1Gi" } } }]);
    const results = admit(documents, [withMemory("2Gi"), withMemory("2048Mi"), withMemory("2049Mi"), withMemory("3G")], { now: NOW });
    expect(results.map((r) => r.violations.map((v) => v.message))).toEqual([
      [],
      [],
      ["cel: Pod team-a/p: memory limit over 2Gi"],
      ["cel: Pod team-a/p: memory limit over 2Gi"],
    ]);
  });
});

describe("quantity: exact comparison across suffixes (property)", () => {
  const SUFFIXES: [string, bigint, bigint][] = [
    // suffix, multiplier numerator, denominator (value = n × num / den)
    ["n", 1n, 10n ** 9n],
    ["u", 1n, 10n ** 6n],
    ["m", 1n, 1000n],
    ["", 1n, 1n],
    ["k", 1000n, 1n],
    ["M", 10n ** 6n, 1n],
    ["G", 10n ** 9n, 1n],
    ["Ki", 1024n, 1n],
    ["Mi", 1024n ** 2n, 1n],
    ["Gi", 1024n ** 3n, 1n],
    ["e3", 1000n, 1n],
    ["e-2", 1n, 100n],
  ];
  const q = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.constantFrom(...SUFFIXES));
  it("compareTo agrees with exact rational arithmetic, and equal values are ==", () => {
    let equal = 0;
    fc.assert(
      fc.property(q, q, ([a, [sa, na, da]], [b, [sb, nb, db]]) => {
        // Binary SI magnitudes are capped at the int64 maximum (resource.ParseQuantity).
        const cap = (n: bigint, suffix: string) => (suffix.endsWith("i") && (n < 0n ? -n : n) > 2n ** 63n - 1n ? (n < 0n ? -1n : 1n) * (2n ** 63n - 1n) : n);
        const left = cap(a * na, sa) * db;
        const right = cap(b * nb, sb) * da;
        const expected = left < right ? -1n : left > right ? 1n : 0n;
        if (expected === 0n) equal++;
        expect(runtime.evaluate(`quantity("${a}${sa}").compareTo(quantity("${b}${sb}"))`)).toBe(expected);
        expect(runtime.evaluate(`quantity("${a}${sa}") == quantity("${b}${sb}")`)).toBe(expected === 0n);
      }),
      {
        numRuns: 300,
        examples: [
          [
            [0n, SUFFIXES[0]!],
            [0n, SUFFIXES[7]!],
          ],
          [
            [1n, SUFFIXES[7]!],
            [1024n, SUFFIXES[3]!],
          ],
        ],
      },
    );
    expect(equal).toBeGreaterThanOrEqual(2);
  });
  it("add and sub are exact: (a + b) - b == a", () => {
    fc.assert(
      fc.property(q, q, ([a, [sa]], [b, [sb]]) => {
        expect(runtime.evaluate(`quantity("${a}${sa}").add(quantity("${b}${sb}")).sub(quantity("${b}${sb}")) == quantity("${a}${sa}")`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
