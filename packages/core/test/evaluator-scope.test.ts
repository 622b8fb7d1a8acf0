import { describe, expect, it } from "vitest";
import { accessPolicy, allow, crd, deny } from "@rampart/core";
import { evaluator, bob, teamA } from "./evaluator-examples.js";

// The evaluator on examples: collections, requests across all namespaces, cluster-scoped resources and non-resource URLs.

describe("collections (empty name) and requests across all namespaces (empty namespace)", () => {
  const e = teamA(
    allow({ verbs: ["get", "list", "create"], resources: ["pods"], namespaces: ["team-a"], names: ["web-*"] }),
    allow({ verbs: ["list"], resources: ["configmaps"], namespaces: ["*"] }),
    allow({ verbs: ["list"], resources: ["services"], namespaces: ["team-*"] }),
    allow({ verbs: ["list", "watch"], resources: ["secrets"] }),
    deny({ verbs: ["list"], resources: ["secrets"], namespaces: ["kube-system"] }),
    allow({ verbs: ["list"], resources: ["endpoints"], namespaces: ["team-a"] }),
  );
  it("an allow restricted by names does not apply to a collection (list, or create without a name)", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "web-1" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "pods", namespace: "team-a" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "create", resource: "pods", namespace: "team-a" })).decision).toBe("deny");
  });
  it('`namespaces: ["*"]` covers requests across all namespaces; other namespace lists do not', () => {
    expect(e.decide(bob({ verb: "list", resource: "configmaps", namespace: "" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "services", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "services", namespace: "" })).decision).toBe("deny");
  });
  it("a deny restricted by namespaces applies to a request across all namespaces: the list may hold denied objects", () => {
    expect(e.decide(bob({ verb: "list", resource: "secrets", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "watch", resource: "secrets", namespace: "" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "secrets", namespace: "" }))).toMatchObject({
      decision: "deny",
      matched: [{ policy: "team-a", rule: 4, effect: "deny" }],
    });
  });
  it("a deny restricted by names applies to a collection", () => {
    const d = teamA(allow({ verbs: ["list"], resources: ["pods"], namespaces: ["team-a"] }), deny({ verbs: ["*"], resources: ["pods"], names: ["nginx*"] }));
    expect(d.decide(bob({ verb: "list", resource: "pods", namespace: "team-a" }))).toMatchObject({ decision: "deny", matched: [{ rule: 1 }] });
  });
  it("a plain namespaced allow does not cover a list across all namespaces", () => {
    expect(e.decide(bob({ verb: "list", resource: "endpoints", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", resource: "endpoints", namespace: "" })).decision).toBe("deny");
  });
});

describe("cluster-scoped resources (the inventory tells them apart)", () => {
  it('rules with namespaces never apply to them, allow or deny, even with namespaces: ["*"]', () => {
    const e = teamA(
      allow({ verbs: ["get"], resources: ["nodes", "pods"], namespaces: ["*"] }),
      allow({ verbs: ["list"], resources: ["nodes"] }),
      deny({ verbs: ["list"], resources: ["nodes"], namespaces: ["*"] }),
    );
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "team-a", name: "p" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", resource: "nodes", name: "node-1" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "list", resource: "nodes" })).decision).toBe("allow"); // the namespaced deny does not apply
  });
  it("a rule without namespaces is cluster-wide: it covers them (and their subresources)", () => {
    const e = teamA(allow({ verbs: ["get"], resources: ["nodes", "nodes/proxy", "clusterrolebindings.rbac.authorization.k8s.io"] }));
    expect(e.decide(bob({ verb: "get", resource: "nodes", subresource: "proxy", name: "node-1" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", apiGroup: "rbac.authorization.k8s.io", resource: "clusterrolebindings", name: "admin" })).decision).toBe("allow");
  });
  it("a CRD the inventory does not know, asked for without a namespace: namespaced allows do not apply, namespaced denies do", () => {
    const values = [
      accessPolicy("crds", {
        subjects: [{ group: "team-a" }],
        rules: [
          allow({ verbs: ["list"], resources: [crd("widgets.example.com")], namespaces: ["*"] }),
          allow({ verbs: ["get"], resources: [crd("gadgets.example.com")] }),
          deny({ verbs: ["get"], resources: [crd("gadgets.example.com")], namespaces: ["kube-*"] }),
        ],
      }),
    ];
    const e = evaluator(values);
    expect(e.decide(bob({ verb: "list", apiGroup: "example.com", resource: "widgets", namespace: "team-a" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "list", apiGroup: "example.com", resource: "widgets" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "get", apiGroup: "example.com", resource: "gadgets", name: "g" }))).toMatchObject({ decision: "deny", matched: [{ rule: 2 }] });
    expect(e.decide(bob({ verb: "get", apiGroup: "example.com", resource: "gadgets", namespace: "team-a", name: "g" })).decision).toBe("allow");
  });
});

describe("non-resource URLs", () => {
  const e = teamA(allow({ verbs: ["*"], resources: ["*"] }), allow({ verbs: ["get"], nonResourceURLs: ["/healthz", "/logs/*", "/v?"] }));
  it("rules with resources never apply to them — not even `*` — and URL rules only to them", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "x", name: "y" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", nonResourceURL: "/metrics" })).decision).toBe("deny");
    expect(e.decide(bob({ verb: "get", nonResourceURL: "/logs/kubelet.log" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "get", nonResourceURL: "/v2" })).decision).toBe("allow");
    expect(e.decide(bob({ verb: "post", nonResourceURL: "/healthz" })).decision).toBe("deny");
  });
  it("a request with a non-empty nonResourceURL is a non-resource request, whatever else it names", () => {
    expect(e.decide(bob({ verb: "get", resource: "pods", namespace: "x", name: "y", nonResourceURL: "/metrics" })).decision).toBe("deny");
  });
});
