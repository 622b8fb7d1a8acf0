import { describe, expect, it } from "vitest";
import { accessPolicy, allow, type EvaluatorOptions } from "@rampart/core";
import { evaluator, bob } from "./evaluator-examples.js";

// The evaluator on examples: expiry and subjects (users, groups, ServiceAccounts and their implied groups).

describe("expires: the rule applies iff now < expires", () => {
  const rules = [
    allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-11-24T00:00:00Z" }),
    allow({ verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"], expires: "2026-11-25" }),
  ];
  const at = (now: NonNullable<EvaluatorOptions["now"]>, resource: string) =>
    evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules })], { now }).decide(
      bob({ verb: "get", resource, namespace: "team-a", name: "x" }),
    ).decision;
  it("a millisecond before, at, and after the instant", () => {
    expect(at(Date.parse("2026-11-23T23:59:59.999Z"), "secrets")).toBe("allow");
    expect(at(Date.parse("2026-11-24T00:00:00Z"), "secrets")).toBe("deny");
    expect(at(Date.parse("2026-11-24T00:00:00.001Z"), "secrets")).toBe("deny");
  });
  it("a date alone is midnight UTC of that day", () => {
    expect(at(new Date("2026-11-24T23:59:59Z"), "configmaps")).toBe("allow");
    expect(at(new Date("2026-11-25T00:00:00Z"), "configmaps")).toBe("deny");
  });
  it("a `now` function is read at each decision", () => {
    let clock = Date.parse("2026-11-24T23:00:00Z");
    const e = evaluator([accessPolicy("team-a", { subjects: [{ group: "team-a" }], rules })], { now: () => clock });
    const request = bob({ verb: "get", resource: "configmaps", namespace: "team-a", name: "x" });
    expect(e.decide(request).decision).toBe("allow");
    clock = Date.parse("2026-11-25T00:00:00Z");
    expect(e.decide(request).decision).toBe("deny");
  });
  it("the allow reason says until when", () => {
    const e = evaluator([
      accessPolicy("team-a", {
        subjects: [{ group: "team-a" }],
        rules: [allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"], expires: "2026-12-31T18:00:00Z", reason: "INC-4711 break-glass" })],
      }),
    ]);
    expect(e.decide(bob({ verb: "get", resource: "secrets", namespace: "team-a", name: "db" })).reason).toBe(
      "allowed by rule 0 of AccessPolicy `team-a`, which allows get on secrets in namespaces team-a until 2026-12-31T18:00:00.000Z (INC-4711 break-glass), and no deny rule matches",
    );
  });
});

describe("subjects: users, groups and ServiceAccounts", () => {
  const get = { verb: "get", resource: "pods", namespace: "x", name: "y" };
  const e = evaluator([
    accessPolicy("by-user", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["x"] })] }),
    accessPolicy("by-sa", { subjects: [{ serviceAccount: "ci/deployer" }], rules: [allow({ verbs: ["get"], resources: ["pods"], namespaces: ["x"] })] }),
    accessPolicy("all-sa", { subjects: [{ group: "system:serviceaccounts" }], rules: [allow({ verbs: ["list"], resources: ["pods"], namespaces: ["*"] })] }),
    accessPolicy("ns-sa", {
      subjects: [{ group: "system:serviceaccounts:build" }],
      rules: [allow({ verbs: ["watch"], resources: ["pods"], namespaces: ["*"] })],
    }),
  ]);
  it("a user subject matches the user name only", () => {
    expect(e.decide({ user: "alice", ...get }).decision).toBe("allow");
    expect(e.decide({ user: "alicia", groups: ["alice"], ...get }).decision).toBe("deny");
  });
  it("a ServiceAccount subject matches its username system:serviceaccount:<ns>:<name>", () => {
    expect(e.decide({ user: "system:serviceaccount:ci:deployer", ...get })).toMatchObject({ decision: "allow", matched: [{ policy: "by-sa" }] });
    expect(e.decide({ user: "system:serviceaccount:ci:other", ...get }).decision).toBe("deny");
  });
  it("a ServiceAccount is in system:serviceaccounts and system:serviceaccounts:<ns> even when the request does not list them", () => {
    expect(e.decide({ user: "system:serviceaccount:build:bot", verb: "list", resource: "pods" })).toMatchObject({
      decision: "allow",
      matched: [{ policy: "all-sa" }],
    });
    expect(e.decide({ user: "system:serviceaccount:build:bot", verb: "watch", resource: "pods" })).toMatchObject({
      decision: "allow",
      matched: [{ policy: "ns-sa" }],
    });
    expect(e.decide({ user: "system:serviceaccount:ci:bot", verb: "watch", resource: "pods" }).decision).toBe("deny");
    expect(e.decide({ user: "bob", groups: ["system:serviceaccounts:build"], verb: "watch", resource: "pods" }).decision).toBe("allow");
  });
  it.each(["system:serviceaccount:build", "system:serviceaccount:build:", "system:serviceaccount::bot", "system:serviceaccount:build:a:b"])(
    "a malformed ServiceAccount username %j implies no group",
    (user) => {
      expect(e.decide({ user, verb: "list", resource: "pods" }).decision).toBe("deny");
      expect(e.decide({ user, verb: "watch", resource: "pods" }).decision).toBe("deny");
    },
  );
});
