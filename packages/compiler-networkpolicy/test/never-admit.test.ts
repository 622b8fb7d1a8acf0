import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDocuments, trafficPolicy, type RampartDocument } from "@rampart/core";
import { compileNetwork, ConnectivityEngine, parsePolicies, verifyNetwork, type Endpoint, type NetworkWorkloads } from "@rampart/compiler-networkpolicy";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { refParseIp, TrafficReference, type RefEndpoint, type RefPort } from "../../../test-support/traffic-reference.js";

function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

/** The namespaces the build's inventory lists; `later` exists in the world only (created after the build). */
const INVENTORY = ["team-a", "team-b", "kube-system", "other"];
const NAMESPACES = [...INVENTORY, "later"];

describe("never admit a denied flow (fast-check)", () => {
  const labels = fc.constantFrom({}, { app: "api" }, { app: "web" }, { app: "batch" }, { app: "api", tier: "x" }, { tier: "x" });
  const nsLabels = fc.constantFrom({}, { tier: "web" }, { tier: "apps" }, { tier: "apps", env: "prod" }, { env: "prod" });
  const peer = fc.oneof(
    fc.record({ namespace: fc.constantFrom("team-a", "team-b", "kube-system"), pods: labels }),
    labels.map((pods) => ({ pods })),
    fc.constantFrom(
      { cidr: "0.0.0.0/0" },
      { cidr: "10.0.0.0/8" },
      { cidr: "169.254.169.254/32" },
      { cidr: "10.9.0.0/16" },
      { cidr: "10.9.9.0/24" },
      { cidr: "::/0" },
      { cidr: "fd00::/8" },
    ),
    fc.constant({ dns: true as const }),
    fc.record({ namespaceLabels: fc.constantFrom({ tier: "web" }, { tier: "apps" }, {}), pods: labels }),
  );
  const ports = fc.option(
    fc.subarray(["8080/TCP", "53/UDP", "53", "9000-9100/TCP", "9050/TCP", "http", "dns/UDP", "443", "1-1000/SCTP"], { minLength: 1, maxLength: 3 }),
    { nil: undefined },
  );
  const rule = fc.record({
    direction: fc.constantFrom("ingress", "egress"),
    local: labels,
    peers: fc.option(fc.array(peer, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    ports,
  });
  const toRule = (r: { direction: string; local: Record<string, string>; peers: unknown[] | undefined; ports: string[] | undefined }) => {
    const out: Record<string, unknown> = { direction: r.direction };
    if (Object.keys(r.local).length) out[r.direction === "ingress" ? "to" : "from"] = { pods: r.local };
    if (r.peers) out[r.direction === "ingress" ? "from" : "to"] = r.peers;
    if (r.ports) out.ports = r.ports;
    return out;
  };
  const podPort = fc.constantFrom(
    { name: "http", port: 8080, protocol: "TCP" as const },
    { name: "http", port: 8081, protocol: "TCP" as const },
    { name: "dns", port: 53, protocol: "UDP" as const },
    { name: "dns", port: 5353, protocol: "UDP" as const },
  );
  // `later` twice: flows at a namespace created after the build are what label governance adds.
  const pod = fc.record({
    namespace: fc.constantFrom(...NAMESPACES, "later"),
    labels: fc.oneof(labels, fc.constant({ "k8s-app": "kube-dns" })),
    ports: fc.array(podPort, { maxLength: 2 }),
  });
  // Namespace labels are random (kube-system keeps none): they are the inventory's for the namespaces it lists.
  const laterLabels = fc.constantFrom({ tier: "web" }, { tier: "apps" }, { tier: "apps", env: "prod" }, { env: "prod" });
  const randomWorkloads = fc
    .record({ pods: fc.array(pod, { minLength: 2, maxLength: 6 }), labels: fc.tuple(nsLabels, nsLabels, nsLabels, laterLabels) })
    .map(({ pods, labels: l }): NetworkWorkloads => ({
      namespaces: [
        { name: "team-a", labels: l[0] },
        { name: "team-b", labels: l[1] },
        { name: "kube-system", labels: {} },
        { name: "other", labels: l[2] },
        { name: "later", labels: l[3] },
      ],
      pods: pods.map((p, i) => ({ ...p, name: `p${i}`, ports: [...new Map(p.ports.map((x) => [x.name, x])).values()] })),
      externalIps: ["10.9.9.9", "10.200.0.1", "fd00::1"],
    }));
  // RAMPART_FC_BIG=1: more policies and denies per run (slower; for exploration).
  const big = process.env.RAMPART_FC_BIG === "1" ? 2 : 1;
  // Governed by names, by labels alone (reaching namespaces created later with cnp), or by both (names AND labels).
  const governed = fc.oneof(
    { weight: 2, arbitrary: fc.record({ namespaces: fc.subarray(["team-a", "team-b", "kube-system"], { minLength: 1 }) }) },
    { weight: 3, arbitrary: fc.record({ namespaceLabels: fc.constantFrom({ tier: "apps" }, { tier: "web" }, { env: "prod" }) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        namespaces: fc.subarray(["team-a", "team-b", "other"], { minLength: 1 }),
        namespaceLabels: fc.constantFrom({ tier: "apps" }, { env: "prod" }),
      }),
    },
  );
  const policies = fc.array(
    fc.record({
      governed,
      defaultDeny: fc.subarray(["ingress", "egress"]),
      allow: fc.array(rule, { maxLength: 3 * big }),
      deny: fc.array(rule, { maxLength: 2 * big }),
    }),
    { minLength: 1, maxLength: 2 * big },
  );

  // Addresses outside the pod network: the workloads' own, the metadata endpoints, and public ones.
  const EXTRA_IPS = ["169.254.169.254", "fd00:ec2::254", "8.8.8.8", "2001:db8::1"];
  // Around every port the rules and pods name (ranges 9000-9100, 1-1000; 53, 5353, 8080, 8081, 9050, 443).
  const PROBE_PORTS = [1, 53, 443, 1000, 1001, 5353, 8080, 8081, 9000, 9050, 9101, 65535];
  const PROBES: RefPort[] = (["TCP", "UDP", "SCTP"] as const).flatMap((protocol) => PROBE_PORTS.map((port) => ({ protocol, port })));

  it(
    "random TrafficPolicies (by name and by label) × random workloads: the compiled objects admit no flow the SPEC reference denies (np and cnp)",
    { timeout: 400_000 },
    () => {
      const runs = propertyRuns(200);
      const seen = {
        flows: 0,
        admitted: 0,
        referenceAllowed: 0,
        referenceDenied: 0,
        admittedExternal: 0,
        admittedUnderDefaultDeny: 0,
        deniedByDenyOnly: 0,
        underAdmitted: 0,
        objects: 0,
        labelGoverned: 0,
        laterGoverned: 0,
        labelFlows: 0,
        laterFlows: 0,
        laterDeniedPodFlows: 0,
        laterPodDenied: 0,
        laterIngressGap: 0,
      };
      fc.assert(
        fc.property(policies, randomWorkloads, fc.constantFrom("np", "cnp"), fc.boolean(), (ps, w, backend, blockMetadata) => {
          const flowsBefore = seen.flows;
          const specs = ps.map((p) => ({
            ...p.governed,
            defaultDeny: p.defaultDeny as ("ingress" | "egress")[],
            allow: p.allow.map(toRule) as never,
            deny: p.deny.map(toRule) as never,
          }));
          const d = docs(specs.map((spec, i) => trafficPolicy(`t${i}`, spec)));
          const inventory = {
            namespaces: INVENTORY,
            namespaceLabels: new Map(w.namespaces.filter((n) => INVENTORY.includes(n.name)).map((n) => [n.name, n.labels])),
          };
          const out = compileNetwork(d, { networkBackend: backend as "np" | "cnp", blockMetadata, inventory });
          // Every object is valid against its schema (NetworkPolicy OpenAPI, ClusterNetworkPolicy CRD).
          expect(out.diagnostics.filter((x) => x.code === "openapi-invalid" || x.code === "duplicate-object")).toEqual([]);
          seen.objects += out.objects.length;
          seen.labelGoverned += specs.filter((s) => "namespaceLabels" in s).length;
          // The compiled objects through the connectivity engine (validated by the netpol-analyzer corpus) ...
          const engine = new ConnectivityEngine({ namespaces: w.namespaces, pods: w.pods, policies: parsePolicies(out.objects) });
          // ... against SPEC's semantics on the documents as written; and the same semantics without defaultDeny, to see denies at work.
          const build = { inventory: INVENTORY, cnp: backend === "cnp" };
          const reference = new TrafficReference(specs as never, w.namespaces, blockMetadata, build);
          const open = new TrafficReference(specs.map((s) => ({ ...s, defaultDeny: [] })) as never, w.namespaces, blockMetadata, build);
          const governedByLabel = new TrafficReference(
            specs.filter((s) => "namespaceLabels" in s).map((s) => ({ ...s, defaultDeny: ["ingress", "egress"] })) as never,
            w.namespaces,
            false,
            build,
          );
          // Only the deny rules of label-only policies: the pod flows they alone decide where a namespace created later is at an end.
          const laterOpen = new TrafficReference(
            specs.filter((s) => "namespaceLabels" in s && !("namespaces" in s)).map((s) => ({ ...s, defaultDeny: [] })) as never,
            w.namespaces,
            blockMetadata,
            build,
          );
          const labelled = (ns: string) => governedByLabel.isolates(ns, "ingress");
          if (backend === "cnp" && labelled("later")) seen.laterGoverned++;
          const pods = w.pods.map((pod) => ({ pod }));
          const externals = [...w.externalIps!, ...EXTRA_IPS].map((ip) => ({ ip }));
          const asEngine = (e: RefEndpoint): Endpoint =>
            "pod" in e ? (e as Endpoint) : { ip: { family: refParseIp(e.ip).family, address: refParseIp(e.ip).value }, label: e.ip };
          const pairs: [RefEndpoint, RefEndpoint][] = [
            ...pods.flatMap((s) => pods.filter((t) => t !== s).map((t) => [s, t] as [RefEndpoint, RefEndpoint])),
            ...externals.flatMap((e) =>
              pods.flatMap(
                (p) =>
                  [
                    [e, p],
                    [p, e],
                  ] as [RefEndpoint, RefEndpoint][],
              ),
            ),
          ];
          for (const [src, dst] of pairs) {
            const conns = engine.allowed(asEngine(src), asEngine(dst));
            const ends = [src, dst].flatMap((e) => ("pod" in e ? [e.pod.namespace] : []));
            const byLabel = ends.some(labelled);
            const intoLater = "ip" in src && "pod" in dst && reference.isLater(dst.pod.namespace) && labelled(dst.pod.namespace);
            for (const port of PROBES) {
              const admitted = conns.has(port.protocol, port.port);
              const allowed = reference.allows(src, dst, port);
              // The one documented gap: a ClusterNetworkPolicy cannot select ingress from outside the cluster (`network-later-ingress`).
              if (admitted && !allowed && intoLater && backend === "cnp") seen.laterIngressGap++;
              else if (admitted && !allowed) expect.fail(`over-admitted (${backend}): ${JSON.stringify({ src, dst, port })}`);
              seen.flows++;
              if (byLabel) seen.labelFlows++;
              if (ends.some((ns) => reference.isLater(ns) && labelled(ns))) {
                seen.laterFlows++;
                if (!allowed && !admitted && "pod" in src && "pod" in dst) seen.laterDeniedPodFlows++;
                if ("pod" in src && "pod" in dst && !laterOpen.allows(src, dst, port)) seen.laterPodDenied++;
              }
              if (admitted) seen.admitted++;
              if (allowed) seen.referenceAllowed++;
              else seen.referenceDenied++;
              if (allowed && !admitted) seen.underAdmitted++;
              if (admitted && ("ip" in src || "ip" in dst)) seen.admittedExternal++;
              if (admitted && "pod" in src && reference.isolates(src.pod.namespace, "egress")) seen.admittedUnderDefaultDeny++;
              if (!allowed && !open.allows(src, dst, port)) seen.deniedByDenyOnly++;
            }
          }
          expect((seen.flows - flowsBefore) % PROBES.length).toBe(0);
          // The compiler's own proof agrees (every under-admission it finds is reported; the later-ingress gap is counted apart).
          const proof = verifyNetwork(d, w, out.objects, { report: out.report, blockMetadata, inventory, networkBackend: backend as "np" | "cnp" });
          expect(proof.overAdmitted.slice(0, 3)).toEqual([]);
          expect(proof.underAdmitted.slice(0, 3)).toEqual([]);
          if (backend === "np") expect(proof.laterIngress).toEqual([]);
        }),
        // Unseeded: fast-check prints the seed and the counterexample on failure; RAMPART_FC_SEED replays one.
        { numRuns: runs, ...(process.env.RAMPART_FC_SEED ? { seed: Number(process.env.RAMPART_FC_SEED) } : {}) },
      );
      console.log(`[never-admit] ${JSON.stringify(seen)}`);
      for (const [kind, perRun] of Object.entries(NET_FLOOR)) expect(seen[kind as keyof typeof seen], kind).toBeGreaterThanOrEqual(propertyFloor(perRun, runs));
    },
  );
});

/**
 * Per-run floors, about a third of the lowest rates observed in five unseeded runs with 12 probe
 * ports × 3 protocols and label governance (per run: 2420–2570 flows, 1850–2090 admitted,
 * 1840–2070 / 446–605 allowed / denied by the reference, 1560–1715 admitted to or from outside,
 * 0.23–7.2 admitted out of a default-deny namespace, 47–78 denied by a deny rule alone, 5.4–6.8
 * objects; 0.95–1.08 label-governed policies, 0.12–0.17 runs governing the later namespace by label
 * with cnp, 450–660 flows at a label-governed end, 72–158 at a later one, 14–34 pod flows denied there).
 */
const NET_FLOOR = {
  flows: 800,
  admitted: 500,
  referenceAllowed: 500,
  referenceDenied: 150,
  admittedExternal: 400,
  admittedUnderDefaultDeny: 0.08,
  deniedByDenyOnly: 15,
  objects: 1.8,
  labelGoverned: 0.3,
  laterGoverned: 0.04,
  labelFlows: 150,
  laterFlows: 24,
  laterDeniedPodFlows: 4.5,
};
