import { beforeAll, describe, expect, it } from "vitest";
import { loadDocuments, trafficPolicy, type RampartDocument } from "@rampart/core";
import { buildPolicies, verifyBuild, type BuildResult, type ClusterVerdict } from "@rampart/pipeline";
import { edited, NOW, proveFixture } from "./prove-fixture.js";

let documents: RampartDocument[];
let build: BuildResult;
beforeAll(async () => {
  ({ documents, build } = await proveFixture());
});

const np = (namespace: string, name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: ${namespace} }\nspec:\n${spec}`;
/** The network proof of cluster `a` with hand-added files. */
const proofWith = (hand: Record<string, string>): NonNullable<ClusterVerdict["network"]> =>
  verifyBuild(documents, edited(build, "a", hand), { now: NOW }).clusters[0]!.network!;

// The 10 port numbers every flow is checked on here: the defaults (1, 22, 53, 80, 443, 8080, 8443, 65535)
// and the neighbours of the TrafficPolicy's 8080; on TCP, UDP and SCTP.
const PORTS = [1, 22, 53, 80, 443, 8079, 8080, 8081, 8443, 65535].flatMap((p) => ["TCP", "UDP", "SCTP"].map((proto) => `${p}/${proto}`)).sort();

describe("the network proof's universe: pods for every label set the tree's policies select", () => {
  it("a hand-added NetworkPolicy admitting what the TrafficPolicy denies: over-admissions between the pods it selects, naming the files at both ends", () => {
    const proof = proofWith({
      // web's isolated pods with tier db or cache (and no legacy label) take anything from pods with a role in namespaces of team blue
      "hand/db-from-blue.yaml": np(
        "web",
        "db-from-blue",
        [
          "  podSelector: { matchExpressions: [{ key: tier, operator: In, values: [db, cache] }, { key: legacy, operator: DoesNotExist }] }",
          "  ingress:",
          "    - from:",
          "        - namespaceSelector: { matchLabels: { team: blue } }",
          "          podSelector: { matchExpressions: [{ key: role, operator: Exists }, { key: zone, operator: NotIn, values: [x] }] }",
          "",
        ].join("\n"),
      ),
      // in a namespace at neither end: not named
      "hand/team-open.yaml": np("team", "open", "  podSelector: {}\n  ingress: [{}]\n"),
      // cluster-scoped: at every end (Pass changes nothing)
      "hand/pass.yaml":
        "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: { name: pass-team }\nspec:\n  tier: Admin\n  priority: 5\n  subject: { namespaces: { matchLabels: { kubernetes.io/metadata.name: team } } }\n  ingress: [{ name: pass, action: Pass, from: [{ namespaces: {} }] }]\n",
    });
    // team, web, front and `rampart-ns-0` (team=blue) × {}, app=web, app=ui, app=scanner, tier=db (In: its first value), role (Exists), all in one
    expect(proof.universe).toBe("4 namespaces (3 named, 1 by label) × 7 pod label sets = 28 pods");
    expect(proof.underAdmitted).toBe(0);
    const pairs = [...new Set(proof.overAdmissions.map((f) => `${f.src} → ${f.dst}`))];
    // sources with a role (pod-5, pod-6) in team blue's namespace, destinations with tier=db (pod-4, pod-6) in web
    expect(pairs).toEqual([
      "rampart-ns-0/pod-5 → web/pod-4",
      "rampart-ns-0/pod-5 → web/pod-6",
      "rampart-ns-0/pod-6 → web/pod-4",
      "rampart-ns-0/pod-6 → web/pod-6",
    ]);
    for (const pair of pairs)
      expect(
        proof.overAdmissions
          .filter((f) => `${f.src} → ${f.dst}` === pair)
          .map((f) => f.port)
          .sort(),
        pair,
      ).toEqual(PORTS);
    // no TrafficPolicy rule allows these flows: web is isolated and nothing allows them
    expect(new Set(proof.overAdmissions.map((f) => JSON.stringify(f.rules)))).toEqual(new Set(["[]"]));
    expect(new Set(proof.overAdmissions.map((f) => f.files.join(" ")))).toEqual(
      new Set([
        "hand/db-from-blue.yaml hand/pass.yaml network/networkpolicy-web-rampart-web-allow-0.yaml network/networkpolicy-web-rampart-web-default-deny.yaml",
      ]),
    );
  });

  it("namespaces: the objects' own, those a selector names alone, and one per other namespace label set", () => {
    const proof = proofWith({
      "hand/ops-1.yaml": np("ops-1", "open", "  podSelector: {}\n  ingress: [{}]\n"),
      // an empty namespace (kubectl applies it to its context's namespace) is no namespace of the universe
      "hand/no-namespace.yaml": np('""', "open", "  podSelector: {}\n  ingress: [{}]\n"),
      "hand/from-ops.yaml": np(
        "web",
        "from-ops",
        [
          // a label value that is not a string selects no pod: no label set
          "  podSelector: { matchLabels: { n: 1 } }",
          "  ingress:",
          "    - from:",
          "        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ops-2 } }",
          "        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ops-3, env: x } }",
          "        - namespaceSelector: {}",
          // `In` without values and a key that is not a string give no label
          "        - podSelector: { matchExpressions: [{ key: a, operator: In, values: [] }, { key: 7, operator: Exists }] }",
          // one label set, whatever the order of its keys
          "        - podSelector: { matchLabels: { x: '1', y: '2' } }",
          "        - podSelector: { matchLabels: { y: '2', x: '1' } }",
          // selectors that are not objects (the API server refuses them; kubectl apply -R would still send them)
          "        - podSelector: ~",
          "        - namespaceSelector: everything",
          "",
        ].join("\n"),
      ),
    });
    // named: team, web, front (inventory), ops-1 (an object's namespace), ops-2 (a selector naming it alone); by label: ops-3 with env=x
    // pod label sets: {}, app=web, app=ui, app=scanner, x=1 y=2, all in one
    expect(proof.universe).toBe("6 namespaces (5 named, 1 by label) × 6 pod label sets = 36 pods");
    expect([proof.overAdmissions, proof.underAdmitted]).toEqual([[], 0]);
  });

  it("one pod label set: no pod merging the sets; none: the unlabelled pod alone", async () => {
    const one = loadDocuments([
      trafficPolicy("web", {
        namespaces: ["web"],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", to: { pods: { app: "web" } }, from: [{ namespace: "front" }], ports: ["8080/TCP"] }],
      }),
    ]).documents;
    const oneProof = verifyBuild(one, await buildPolicies(one, { now: NOW }), { now: NOW }).clusters[0]!.network!;
    // checked = endpoint pairs × ports: (4 × 3 pod pairs + 6 sample addresses × 4 pods × 2 directions) × 10 ports × 3 protocols
    expect(oneProof).toEqual({
      universe: "2 namespaces (2 named, 0 by label) × 2 pod label sets = 4 pods",
      checked: 1800,
      overAdmissions: [],
      underAdmitted: 0,
      laterIngress: 0,
    });
    const none = loadDocuments([trafficPolicy("web", { namespaces: ["web"], defaultDeny: ["ingress"] })]).documents;
    const noneProof = verifyBuild(none, await buildPolicies(none, { now: NOW }), { now: NOW }).clusters[0]!.network!;
    // (0 pod pairs + 6 × 1 × 2) × 8 default ports × 3 protocols
    expect(noneProof).toEqual({
      universe: "1 namespaces (1 named, 0 by label) × 1 pod label sets = 1 pods",
      checked: 288,
      overAdmissions: [],
      underAdmitted: 0,
      laterIngress: 0,
    });
  });
});
