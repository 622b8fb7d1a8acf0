import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessPolicy, allow } from "@rampart/core";
import { KeyFilter } from "../src/evaluator/key-filter.js";
import { evaluator as evaluatorOf } from "./evaluator-examples.js";
import { propertyRuns } from "../../../test-support/property.js";

// The subject-key filter of the evaluator's index (an internal unit): a key the policies name must
// always pass (else a subject would lose its rules); most keys they do not name should be rejected
// (else the filter saves no map lookup). Decisions through it are checked by the differential tests.

describe("KeyFilter", () => {
  it("never rejects one of its keys, whatever the strings (fast-check)", () => {
    const key = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }));
    let checked = 0;
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 1000, size: "max" }), (keys) => {
        const filter = new KeyFilter(keys);
        for (const k of keys) expect(filter.mayHave(k), JSON.stringify(k)).toBe(true);
        checked += keys.length;
      }),
      { numRuns: propertyRuns(40) },
    );
    expect(checked).toBeGreaterThan(propertyRuns(40) * 100);
  });

  it("rejects most subjects that no policy names: users reached through groups, system groups", () => {
    const named: string[] = [];
    for (let t = 0; t < 2000; t++) named.push(`team-${t}-devs`, `team-${t}-ops`, `lead-${t}@example.com`, `oncall-${t}@example.com`);
    const filter = new KeyFilter(named);
    const absent = ["system:authenticated", "system:serviceaccounts"];
    for (let t = 0; t < 2000; t++) absent.push(`dev-${t}-3@example.com`, `op-${t}-1@example.com`, `team-${t}-viewers`);
    const rejected = absent.filter((s) => !filter.mayHave(s)).length;
    // 16 bits per key and one bit per key: about 6 % of absent keys pass by chance.
    expect(rejected / absent.length).toBeGreaterThan(0.9);
    expect(filter.mayHave("system:authenticated")).toBe(false);
  });

  it("an empty filter rejects everything but the empty string's slot; an empty key is found when named", () => {
    const empty = new KeyFilter([]);
    expect(["a", "system:authenticated", "team-1-devs"].some((s) => empty.mayHave(s))).toBe(false);
    expect(new KeyFilter([""]).mayHave("")).toBe(true);
  });
});

describe("subject keys of the index (filtered, internalized copies)", () => {
  it("users and groups named like object properties or array indexes decide as their names say", () => {
    const names = ["__proto__", "constructor", "0", "4294967295", "toString", "team-a-devs"];
    const policies = names.map((name, i) =>
      accessPolicy(`p-${i}`, {
        subjects: [{ user: name }, { group: `g-${name}` }],
        rules: [allow({ verbs: ["get"], resources: ["configmaps"], namespaces: [`ns-${i}`] })],
      }),
    );
    const evaluator = evaluatorOf(policies);
    const decide = (who: { user?: string; groups?: string[] }, i: number) =>
      evaluator.decide({ ...who, verb: "get", resource: "configmaps", namespace: `ns-${i}`, name: "x" }).decision;
    names.forEach((name, i) => {
      expect(decide({ user: name }, i), name).toBe("allow");
      expect(decide({ user: "someone", groups: [`g-${name}`] }, i), name).toBe("allow");
      expect(decide({ user: name }, (i + 1) % names.length), name).toBe("deny");
      expect(decide({ user: `${name}x`, groups: [name, "system:authenticated"] }, i), name).toBe("deny");
    });
  });
});
