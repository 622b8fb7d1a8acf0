import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, loadDocuments, whoCan, type AccessRequest } from "@rampart/core";

// who-can's indirect paths against an oracle written from the brief, using only the evaluator:
// a subject reaches `get secrets` / `create serviceaccounts/token` in a namespace iff it is allowed
// directly, or allowed to create pods or a workload kind there under some object name; `create pods`
// likewise through the workload kinds; exec into a pod through update/patch of its ephemeral containers.

const NS = ["team-a", "team-x", "b"] as const;
const RESOURCES = [
  "pods",
  "deployments.apps",
  "replicasets.apps",
  "statefulsets.apps",
  "daemonsets.apps",
  "jobs.batch",
  "cronjobs.batch",
  "replicationcontrollers",
  "*.apps",
  "*.batch",
  "*",
  "secrets",
  "serviceaccounts/token",
  "pods/*",
  "pods/exec",
  "pods/ephemeralcontainers",
] as const;
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const sometimes = <T>(arb: fc.Arbitrary<T>, p: number) =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) });
const rule = fc
  .record({
    effect: fc.constantFrom("allow", "allow", "deny"),
    verbs: fc.oneof(fc.constant(["*"]), fc.uniqueArray(fc.constantFrom("create", "get", "list", "patch", "update"), { minLength: 1, maxLength: 3 })),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 3 }),
    namespaces: sometimes(fc.uniqueArray(fc.constantFrom("team-a", "team-*", "b", "*"), { minLength: 1, maxLength: 2 }), 0.7),
    names: sometimes(fc.uniqueArray(fc.constantFrom("web-*", "x", "*", "db"), { minLength: 1, maxLength: 2 }), 0.3),
  })
  .map(defined);
const policy = fc.record({
  subjects: fc.constantFrom<{ group?: string; user?: string }[][]>([{ group: "g1" }], [{ group: "g2" }], [{ user: "u" }], [{ group: "g1" }, { user: "u" }]),
  rules: fc.array(rule, { minLength: 1, maxLength: 4 }),
});
const docs = fc
  .array(policy, { minLength: 1, maxLength: 4 })
  .map((ps) => ps.map((spec, i) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", metadata: { name: `p${i}` }, spec })));

const SUBJECTS = [
  { kind: "Group", name: "g1" },
  { kind: "Group", name: "g2" },
  { kind: "User", name: "u" },
] as const;
const WORKLOADS = [
  ["apps", "deployments"],
  ["apps", "replicasets"],
  ["apps", "statefulsets"],
  ["apps", "daemonsets"],
  ["batch", "jobs"],
  ["batch", "cronjobs"],
  ["", "replicationcontrollers"],
] as const;
const NAMES = ["", "web-x", "web-other", "x", "db", "other-9"];

describe("who-can indirect paths (property)", () => {
  it("list exactly the subjects the oracle finds, and mark indirect exactly those not allowed directly", () => {
    let indirect = 0;
    let direct = 0;
    fc.assert(
      fc.property(docs, fc.constantFrom(...NS), (values, ns) => {
        const loaded = loadDocuments(values);
        expect(loaded.diagnostics).toEqual([]);
        const evaluator = createEvaluator(loaded.documents);
        const as = (s: (typeof SUBJECTS)[number], r: Omit<AccessRequest, "user" | "groups">) =>
          evaluator.decide(s.kind === "Group" ? { ...r, user: "", groups: [s.name] } : { ...r, user: s.name, groups: [] }).decision === "allow";
        const canCreate = (s: (typeof SUBJECTS)[number], kinds: readonly (readonly [string, string])[]) =>
          kinds.some(([apiGroup, resource]) => NAMES.some((name) => as(s, { verb: "create", apiGroup, resource, namespace: ns, name })));
        const targets: [Omit<AccessRequest, "user" | "groups">, (s: (typeof SUBJECTS)[number]) => boolean][] = [
          [{ verb: "create", resource: "pods", namespace: ns }, (s) => canCreate(s, WORKLOADS)],
          [{ verb: "get", resource: "secrets", namespace: ns, name: "db" }, (s) => canCreate(s, [["", "pods"], ...WORKLOADS])],
          [{ verb: "create", resource: "serviceaccounts", subresource: "token", namespace: ns, name: "sa" }, (s) => canCreate(s, [["", "pods"], ...WORKLOADS])],
          [
            { verb: "create", resource: "pods", subresource: "exec", namespace: ns, name: "web-1" },
            (s) => ["patch", "update"].some((verb) => as(s, { verb, resource: "pods", subresource: "ephemeralcontainers", namespace: ns, name: "web-1" })),
          ],
        ];
        for (const [request, viaOracle] of targets) {
          const got = whoCan(loaded.documents, request).map((e) => `${e.subject.kind} ${e.subject.name}${e.indirect ? " indirect" : ""}`);
          const named = SUBJECTS.filter((s) =>
            values.some((v) =>
              v.spec.subjects.some((x) => (x.group !== undefined ? s.kind === "Group" && x.group === s.name : s.kind === "User" && x.user === s.name)),
            ),
          );
          const want = named.flatMap((s) => (as(s, request) ? [`${s.kind} ${s.name}`] : viaOracle(s) ? [`${s.kind} ${s.name} indirect`] : []));
          expect(got.sort()).toEqual(want.sort());
          indirect += want.filter((w) => w.endsWith("indirect")).length;
          direct += want.filter((w) => !w.endsWith("indirect")).length;
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 300), ...(process.env.RAMPART_FC_SEED ? { seed: Number(process.env.RAMPART_FC_SEED) } : {}) },
    );
    if (process.env.SHOW_COUNTS) console.log({ indirect, direct });
    // Floors: both kinds of entry occur often enough for the comparison to mean something.
    expect(indirect).toBeGreaterThanOrEqual(100);
    expect(direct).toBeGreaterThanOrEqual(100);
  });
});
