import { documentsOfKind, parseIp, positionOf, type RampartDocument } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, parsePort, type Endpoint, type Namespace, type Pod } from "@rampart/compiler-networkpolicy";
import type { PolicyTestRunner } from "./types.js";
import type { CaseResult } from "./types.js";

type End = { namespace: string; pods?: Record<string, string> | undefined } | { ip: string };

const describeEnd = (e: End) =>
  "ip" in e
    ? e.ip
    : `${e.namespace}/${
        Object.entries(e.pods ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(",") || "*"
      }`;

/** Traffic cases run against the compiled NetworkPolicies (what the CNI enforces), on synthetic pods. */
export const runTrafficCases: PolicyTestRunner = async (documents: readonly RampartDocument[]) => {
  const tests = documentsOfKind(documents, "PolicyTest").filter((t) => (t.spec.traffic ?? []).length > 0);
  if (tests.length === 0) return { results: [] };
  const { objects } = compileNetwork(documents, { networkBackend: "np" });
  // Namespace labels come from the Inventory documents (the cases name namespaces only), as the compile matched them.
  const recorded = new Map(documentsOfKind(documents, "Inventory").flatMap((d) => Object.entries(d.spec.namespaceLabels ?? {})));
  const results: CaseResult[] = [];
  for (const test of tests) {
    (test.spec.traffic ?? []).forEach((c, i) => {
      const ends = [c.from, c.to] as End[];
      const pods: Pod[] = ends.flatMap((e, k) => ("ip" in e ? [] : [{ namespace: e.namespace, name: `case-${i}-${k}`, labels: e.pods ?? {}, ports: [] }]));
      const namespaces: Namespace[] = [...new Set(pods.map((p) => p.namespace))].map((name) => ({ name, labels: { ...(recorded.get(name) ?? {}) } }));
      const engine = new ConnectivityEngine({ namespaces, pods, policies: parsePolicies(objects as never) });
      const endpoint = (e: End, k: number): Endpoint =>
        "ip" in e ? { ip: parseIp(e.ip) ?? { family: 4, address: 0n }, label: e.ip } : { pod: pods.find((p) => p.name === `case-${i}-${k}`)! };
      const port = parsePort(c.port);
      const allowed = "from" in port && engine.allowed(endpoint(ends[0]!, 0), endpoint(ends[1]!, 1)).has(port.protocol, port.from);
      const actual = allowed ? "allow" : "deny";
      results.push({
        id: `${test.metadata.name}/traffic[${i}]`,
        suite: test.metadata.name,
        kind: "traffic",
        title: `${describeEnd(ends[0]!)} → ${describeEnd(ends[1]!)} ${c.port}`,
        expected: c.expect,
        actual,
        passed: actual === c.expect,
        detail: `the compiled NetworkPolicies ${allowed ? "admit" : "do not admit"} this flow`,
        ...positionOf(test, ["spec", "traffic", i]),
      });
    });
  }
  return { results };
};
