// Shapes the property tests do not generate (found by mutation testing of decision-scan.ts): more distinct verbs
// than the rule records' verb bit mask holds, and non-resource URL rules next to resource requests. Each request is
// also judged by the reference evaluator written from SPEC.md (test-support/reference-evaluator.ts).
import { describe, expect, it } from "vitest";
import { createEvaluator, loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { referenceDecide } from "../../../test-support/reference-evaluator.js";
import { NOW } from "./evaluator-examples.js";

/** An AccessPolicy as plain data: custom verbs and CRD resources are outside the typed builders' unions. */
const policy = (name: string, subjects: object[], rules: object[]) => ({
  apiVersion: "rampart.dev/v1alpha1",
  kind: "AccessPolicy",
  metadata: { name },
  spec: { subjects, rules },
});

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

/** Decisions of the evaluator, each checked against the reference. */
function decider(documents: RampartDocument[]) {
  const e = createEvaluator(documents, { now: NOW });
  return (r: AccessRequest) => {
    const decision = e.decide(r).decision;
    expect(decision, JSON.stringify(r)).toBe(referenceDecide(documents, r, { now: NOW.getTime() }).decision);
    return decision;
  };
}

const bob = (r: Omit<AccessRequest, "user" | "groups">): AccessRequest => ({ user: "bob", groups: ["team-a"], ...r });

describe("verbs beyond the verb bit mask", () => {
  // 40 custom verbs (CRDs define their own, e.g. `approve`, `sign`): past the 31 a rule record's mask holds.
  const verbs = Array.from({ length: 40 }, (_, i) => `verb${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`);
  const [v03, v35, v36, v38, v39] = [verbs[3]!, verbs[35]!, verbs[36]!, verbs[38]!, verbs[39]!];
  const decide = decider(
    docs([
      policy(
        "widgets",
        [{ group: "team-a" }],
        [
          { effect: "allow", verbs, resources: ["widgets.example.com"], namespaces: ["team-a"] },
          { effect: "deny", verbs: [v35, v38], resources: ["widgets.example.com"], namespaces: ["team-a"], names: ["keep"] },
          { effect: "allow", verbs: ["*"], resources: ["gadgets.example.com"], namespaces: ["team-a"] },
        ],
      ),
    ]),
  );
  const widget = (verb: string, name = "w-1", resource = "widgets") => bob({ verb, apiGroup: "example.com", resource, namespace: "team-a", name });

  it("every named verb is allowed, the first and the last past the mask alike", () => {
    for (const v of verbs) expect(decide(widget(v))).toBe("allow");
  });

  it("a deny of verbs past the mask applies to them only", () => {
    expect([decide(widget(v35, "keep")), decide(widget(v38, "keep")), decide(widget(v36, "keep")), decide(widget(v03, "keep"))]).toEqual([
      "deny",
      "deny",
      "allow",
      "allow",
    ]);
  });

  it("a verb no rule names is allowed only by `*`", () => {
    expect(decide(widget("verbzz"))).toBe("deny");
    expect(decide(widget("verbzz", "g-1", "gadgets"))).toBe("allow");
    expect(decide(widget(v39, "g-1", "gadgets"))).toBe("allow");
  });
});

describe("non-resource URL rules and resource requests", () => {
  const decide = decider(
    docs([
      // `*` as written by hand (the builders' types ask for a leading `/`): every URL, as in RBAC.
      policy(
        "urls",
        [{ group: "team-a" }],
        [
          { effect: "allow", verbs: ["get"], nonResourceURLs: ["*"] },
          { effect: "allow", verbs: ["get"], resources: ["configmaps"], namespaces: ["team-a"] },
        ],
      ),
      policy(
        "no-urls",
        [{ user: "eve" }],
        [
          { effect: "allow", verbs: ["get"], resources: ["pods"] },
          { effect: "deny", verbs: ["get"], nonResourceURLs: ["*"] },
        ],
      ),
    ]),
  );

  it("a rule of every URL allows URLs, never a resource request", () => {
    expect(decide(bob({ verb: "get", nonResourceURL: "/healthz" }))).toBe("allow");
    // An empty path names no URL: even `*` does not cover it.
    expect(decide(bob({ verb: "get", nonResourceURL: "" }))).toBe("deny");
    expect(decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "p" }))).toBe("deny");
    expect(decide(bob({ verb: "get", resource: "configmaps", namespace: "team-a", name: "c" }))).toBe("allow");
  });

  it("a deny of every URL denies URLs, never a resource request", () => {
    expect(decide({ user: "eve", verb: "get", resource: "pods", namespace: "team-a", name: "p" })).toBe("allow");
    expect(decide({ user: "eve", verb: "get", nonResourceURL: "/metrics" })).toBe("deny");
  });
});
