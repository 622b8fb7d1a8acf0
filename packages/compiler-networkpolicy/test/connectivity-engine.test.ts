// The connectivity engine (the oracle of the network proofs) on Kubernetes details of NetworkPolicy and the admin tier.
import { describe, expect, it } from "vitest";
import { ConnectivityEngine, parsePolicies } from "@rampart/compiler-networkpolicy";

describe("connectivity engine: Kubernetes details", () => {
  const pods = [
    { namespace: "a", name: "x", labels: { app: "x" }, ports: [{ name: "dns", port: 5353, protocol: "UDP" as const }] },
    { namespace: "b", name: "y", labels: { app: "y" }, ports: [] },
  ];
  const namespaces = [
    { name: "a", labels: {} },
    { name: "b", labels: {} },
  ];
  const np = (spec: Record<string, unknown>) => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: "n", namespace: "a" },
    spec: { podSelector: {}, ...spec },
  });
  const allowed = (objects: Record<string, unknown>[]) =>
    new ConnectivityEngine({ namespaces, pods, policies: parsePolicies(objects) }).allowed({ pod: pods[1]! }, { pod: pods[0]! }).toString();

  it("an empty `from` list matches every source; a missing policyTypes means Ingress (plus Egress with egress rules)", () => {
    expect(allowed([np({ ingress: [{ from: [] }] })])).toBe("All Connections");
    expect(allowed([np({ ingress: [] })])).toBe("No Connections");
    expect(allowed([np({ egress: [] })])).toBe("No Connections");
  });

  it("named ports resolve on the destination pod with their protocol; endPort ranges", () => {
    expect(allowed([np({ ingress: [{ ports: [{ protocol: "UDP", port: "dns" }] }] })])).toBe("UDP 5353");
    expect(allowed([np({ ingress: [{ ports: [{ port: "dns" }] }] })])).toBe("No Connections");
    expect(allowed([np({ ingress: [{ ports: [{ port: 80, endPort: 90 }, { protocol: "SCTP" }] }] })])).toBe("SCTP 1-65535,TCP 80-90");
  });

  it("admin tier: Deny beats NetworkPolicy, Pass delegates to it, Accept overrides it; named ports of any protocol", () => {
    const cnp = (priority: number, action: string, protocols?: unknown[]) => ({
      apiVersion: "policy.networking.k8s.io/v1alpha2",
      kind: "ClusterNetworkPolicy",
      metadata: { name: `c-${priority}` },
      spec: {
        tier: "Admin",
        priority,
        subject: { namespaces: { matchLabels: { "kubernetes.io/metadata.name": "a" } } },
        ingress: [{ name: "r", action, from: [{ namespaces: {} }], ...(protocols ? { protocols } : {}) }],
      },
    });
    const isolate = np({ ingress: [] });
    expect(allowed([isolate, cnp(1, "Accept", [{ destinationNamedPort: "dns" }])])).toBe("UDP 5353");
    expect(allowed([isolate, cnp(1, "Pass"), cnp(2, "Accept")])).toBe("No Connections");
    expect(allowed([cnp(1, "Deny", [{ tcp: { destinationPort: { range: { start: 1, end: 100 } } } }])])).toBe("SCTP 1-65535,TCP 101-65535,UDP 1-65535");
  });
});
