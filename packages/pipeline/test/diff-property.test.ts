import fc from "fast-check";
import { createEvaluator, createInventory, loadDocuments, namedSubjects, subjectRequest, type NamedSubject, type RampartDocument } from "@rampart/core";
import { accessChangeCovers, diffAccess } from "@rampart/pipeline";
import { describe, expect, it } from "vitest";

const NOW = new Date("2026-06-01T00:00:00Z");
const inventory = createInventory({ namespaces: ["ab", "kube-system"], objects: { pods: { ab: ["a-1", "b"] } } });

// Literal, `prefix*` and `*` globs over a tiny alphabet, so that patterns overlap and nest often.
const word = fc.array(fc.constantFrom("a", "b", "-"), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(""));
const glob = fc.oneof(
  word,
  word.map((w) => `${w}*`),
  fc.constant("*"),
);
const globs = fc.uniqueArray(glob, { minLength: 1, maxLength: 3 });
const subject = fc.constantFrom(
  { user: "alice" },
  { user: "bob" },
  { group: "g1" },
  { group: "g2" },
  { serviceAccount: "ab/sa" },
  { group: "system:serviceaccounts" },
);
const rule = fc.record(
  {
    effect: fc.constantFrom("allow", "allow", "deny"),
    verbs: fc.uniqueArray(fc.constantFrom("get", "list", "delete", "create", "*"), { minLength: 1, maxLength: 2 }),
    resources: fc.uniqueArray(fc.constantFrom("pods", "pods/log", "pods/*", "deployments.apps", "secrets", "nodes", "*.apps"), { minLength: 1, maxLength: 2 }),
    namespaces: globs,
    names: globs,
  },
  { requiredKeys: ["effect", "verbs", "resources"] },
);
const urlGlob = fc
  .oneof(
    word,
    word.map((w) => `${w}*`),
    fc.constant("*"),
  )
  .map((g) => `/${g}`);
const urlRule = fc.record({
  effect: fc.constantFrom("allow", "allow", "deny"),
  verbs: fc.uniqueArray(fc.constantFrom("get", "post", "*"), { minLength: 1, maxLength: 2 }),
  nonResourceURLs: fc.uniqueArray(fc.oneof(urlGlob, fc.constant("*")), { minLength: 1, maxLength: 3 }),
});
const anyRule = fc.oneof({ weight: 4, arbitrary: rule }, { weight: 1, arbitrary: urlRule });
const policy = fc.record({
  subjects: fc.uniqueArray(subject, { minLength: 1, maxLength: 2, selector: (s) => JSON.stringify(s) }),
  rules: fc.array(anyRule, { minLength: 1, maxLength: 3 }),
});
const policies = fc.array(policy, { minLength: 0, maxLength: 3 });
// A pair: two independent sets, or one set and the same set plus an extra policy (a typical pull request).
const pair = fc.oneof(
  fc.tuple(policies, policies),
  fc.tuple(policies, policy).map(([a, p]) => [a, [...a, p]] as const),
);

function documents(specs: readonly { subjects: unknown[]; rules: unknown[] }[], prefix: string): RampartDocument[] {
  const r = loadDocuments(specs.map((spec, i) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: `${prefix}${i}` }, spec })));
  expect(r.diagnostics).toEqual([]);
  return r.documents;
}

const SUBJECTS: NamedSubject[] = [
  { kind: "User", name: "alice" },
  { kind: "User", name: "bob" },
  { kind: "Group", name: "g1" },
  { kind: "Group", name: "g2" },
  { kind: "ServiceAccount", name: "sa", namespace: "ab" },
  { kind: "Group", name: "system:serviceaccounts" },
];
const RESOURCES = [
  ["", "pods", ""],
  ["", "pods", "log"],
  ["", "pods", "exec"],
  ["apps", "deployments", ""],
  ["apps", "deployments", "scale"],
  ["", "secrets", ""],
  ["", "nodes", ""],
] as const;
const VERBS = ["get", "list", "delete", "create", "watch"];
const URLS = ["/", "/a", "/b", "/ab", "/a-", "/a-1", "/zz", "/aab", "/b-b"];
// Inventory values, glob-like values and values no glob mentions.
const VALUES = ["", "a", "b", "-", "ab", "ba", "a-", "a-1", "ab-", "b-b", "zz", "kube-system", "aab"];

describe("diffAccess (property)", () => {
  it("its classes cover exactly the requests whose decision differs, each by one class with the right before and after", () => {
    const stats = { runs: 0, withChanges: 0, changedRequests: 0, unchangedRequests: 0, exceptClasses: 0, changedUrlRequests: 0 };
    fc.assert(
      fc.property(
        pair,
        fc.array(
          fc.array(fc.constantFrom("a", "b", "-", "z", "1"), { minLength: 1, maxLength: 4 }).map((c) => c.join("")),
          { maxLength: 4 },
        ),
        ([a, b], extra) => {
          const base = documents(a, "p");
          const head = documents(b, "q");
          const changes = diffAccess({ documents: base, inventory }, { documents: head, inventory }, "default", NOW);
          const eb = createEvaluator(base, { now: NOW, inventory });
          const eh = createEvaluator(head, { now: NOW, inventory });
          const values = [...VALUES, ...extra];
          stats.runs++;
          if (changes.length > 0) stats.withChanges++;
          stats.exceptClasses += changes.filter((c) => c.exceptNames || c.exceptNamespaces).length;
          for (const c of changes) {
            // Every example is a changed request with the class's outcome.
            expect([eb.decide(c.example).decision, eh.decide(c.example).decision]).toEqual([c.before, c.after]);
            expect(accessChangeCovers(c, c.example)).toBe(true);
          }
          // The universe's subjects: those named in either version, each on its own.
          const named = new Set([...namedSubjects(base), ...namedSubjects(head)].map((s) => JSON.stringify(s)));
          for (const s of SUBJECTS.filter((x) => named.has(JSON.stringify(x)))) {
            const urlClasses = changes.filter((c) => c.nonResourceURLs !== undefined && JSON.stringify(c.subject) === JSON.stringify(s));
            for (const verb of ["get", "post", "put"]) {
              for (const nonResourceURL of [...URLS, ...extra.map((e) => `/${e}`)]) {
                const request = subjectRequest(s, { verb, nonResourceURL });
                const before = eb.decide(request).decision;
                const after = eh.decide(request).decision;
                const covering = urlClasses.filter((c) => accessChangeCovers(c, request)).map((c) => [c.before, c.after]);
                if (before !== after) stats.changedUrlRequests++;
                expect(covering, JSON.stringify(request)).toEqual(before === after ? [] : [[before, after]]);
              }
            }
            for (const [apiGroup, resource, subresource] of RESOURCES) {
              const nsValues = resource === "nodes" ? [""] : values;
              // The universe's verbs: those the inventory serves for the (sub)resource.
              const r = inventory.resource(apiGroup, resource)!;
              const served = subresource === "" ? r.verbs : (r.subresources.find((x) => x.name === subresource)?.verbs ?? []);
              for (const verb of VERBS.filter((v) => served.includes(v))) {
                const own = changes.filter(
                  (c) =>
                    JSON.stringify(c.subject) === JSON.stringify(s) &&
                    c.apiGroup === apiGroup &&
                    c.resource === resource &&
                    c.subresource === subresource &&
                    c.verbs.includes(verb),
                );
                for (const namespace of nsValues) {
                  for (const name of values) {
                    const request = subjectRequest(s, { verb, apiGroup, resource, subresource, namespace, name });
                    const before = eb.decide(request).decision;
                    const after = eh.decide(request).decision;
                    const covering = own.filter((c) => accessChangeCovers(c, request));
                    // (expect only on failure: it is slow in a loop of 10⁵ requests)
                    if (before === after) {
                      stats.unchangedRequests++;
                      if (covering.length !== 0) expect(covering, JSON.stringify(request)).toEqual([]);
                    } else {
                      stats.changedRequests++;
                      if (covering.length !== 1 || covering[0]!.before !== before || covering[0]!.after !== after) {
                        expect(
                          covering.map((c) => [c.before, c.after]),
                          JSON.stringify(request),
                        ).toEqual([[before, after]]);
                      }
                    }
                  }
                }
              }
            }
          }
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 50), ...(process.env.RAMPART_FC_SEED ? { seed: Number(process.env.RAMPART_FC_SEED) } : {}) },
    );
    // Floors: the generator must exercise real changes, unchanged requests and `except` classes.
    expect(stats.runs).toBe(50);
    expect(stats.withChanges).toBeGreaterThanOrEqual(20);
    expect(stats.changedRequests).toBeGreaterThanOrEqual(5_000);
    expect(stats.unchangedRequests).toBeGreaterThanOrEqual(100_000);
    expect(stats.exceptClasses).toBeGreaterThanOrEqual(3);
    expect(stats.changedUrlRequests).toBeGreaterThanOrEqual(20);
  });
});
