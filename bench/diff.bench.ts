// Semantic diff at scale: two versions of a 1,000-AccessPolicy tree (plus 20 Workload and 20 Traffic
// policies; 200 namespaces, 50,000 object names) that differ like a realistic pull request — a new
// deny by name pattern, a widened namespace glob, a removed rule, a new subject, narrowed verbs.
// The figure is a ratio to one build of the head tree (compileRbac + compileVap + compileNetwork),
// measured in the same run; the target is ≤ 1 s for the diff.
import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac } from "@rampart/compiler-rbac";
import { compileVap } from "@rampart/compiler-vap";
import { compileNetwork } from "@rampart/compiler-networkpolicy";
import { semanticDiff } from "@rampart/pipeline";
import { prng } from "./prng.js";

type Policy = { metadata: { name: string }; spec: { subjects: unknown[]; rules: { verbs?: string[]; namespaces?: string[] }[] } };

function tree(): { policies: Policy[]; others: unknown[]; inventory: ReturnType<typeof createInventory> } {
  const rand = prng(7);
  const namespaces = Array.from({ length: 200 }, (_, i) => `team-${i}`);
  const pods: Record<string, string[]> = {};
  const secrets: Record<string, string[]> = {};
  for (const ns of namespaces) {
    pods[ns] = Array.from({ length: 200 }, (_, j) => (j % 10 === 0 ? `prod-db-${j}` : j % 7 === 0 ? `lead-${j}` : `app-${j}`));
    secrets[ns] = Array.from({ length: 50 }, (_, j) => `secret-${j}`);
  }
  const inventory = createInventory({ namespaces, objects: { pods, secrets } });
  const policies: Policy[] = [];
  for (let i = 0; i < 1000; i++) {
    const ns = `team-${i % 200}`;
    policies.push({
      metadata: { name: `p${i}` },
      spec: {
        subjects: [{ group: `team-${i}` }, { user: `lead-${i}@example.com` }, ...(i % 50 === 0 ? [{ serviceAccount: `${ns}/ci` }] : [])],
        rules: [
          {
            effect: "allow",
            verbs: ["get", "list", "watch"],
            resources: ["pods", "pods/log", "services", "configmaps", "deployments.apps"],
            namespaces: [ns, `${ns}-*`],
          },
          { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps"], namespaces: [ns] },
          { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
          { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [ns], names: ["lead-*"] },
          ...(rand() < 0.2
            ? [{ effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: [ns], names: [`secret-${Math.floor(rand() * 50)}`] }]
            : []),
          ...(i % 10 === 0 ? [{ effect: "allow", verbs: ["get", "list", "watch"], resources: ["nodes"] }] : []),
        ] as unknown as Policy["spec"]["rules"],
      },
    });
  }
  const others: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    others.push({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "WorkloadPolicy",
      metadata: { name: `w${i}` },
      spec: { action: "deny", match: { namespaces: [`team-${i}*`] }, rules: [{ podSecurity: "baseline" }, { imageDigest: "required" }] },
    });
    others.push({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "TrafficPolicy",
      metadata: { name: `t${i}` },
      spec: {
        namespaces: [`team-${i}`],
        defaultDeny: ["ingress"],
        allow: [{ direction: "ingress", to: { pods: { app: "api" } }, from: [{ namespace: `team-${i + 1}`, pods: { app: "web" } }], ports: ["8080/TCP"] }],
      },
    });
  }
  return { policies, others, inventory };
}

function load(policies: readonly Policy[], others: readonly unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments([...policies.map((p) => ({ apiVersion: "rampart.dev/v1alpha1", kind: "AccessPolicy", ...p })), ...others]);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics.slice(0, 3)));
  return documents;
}

/** The head of the pull request: five edits of the base tree. */
function pullRequest(base: readonly Policy[]): Policy[] {
  const head = structuredClone(base) as Policy[];
  // a new deny by name pattern
  head.push({
    metadata: { name: "guardrails" },
    spec: {
      subjects: Array.from({ length: 10 }, (_, i) => ({ group: `team-${i}` })),
      rules: [{ effect: "deny", verbs: ["get", "delete"], resources: ["pods"], names: ["prod-db-*"] } as never],
    },
  });
  // a widened namespace glob
  head[5]!.spec.rules[0]!.namespaces = ["team-5", "team-5*"];
  // a removed rule
  head[7]!.spec.rules.splice(3, 1);
  // a new subject
  head[11]!.spec.subjects.push({ group: "contractors" });
  // narrowed verbs
  head[13]!.spec.rules[1]!.verbs = ["create", "update"];
  return head;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const { policies, others, inventory } = tree();
  const base = load(policies, others);
  const head = load(pullRequest(policies), others);
  const now = new Date("2026-11-24T00:00:00Z");
  const buildMs: number[] = [];
  const diffMs: number[] = [];
  let summary = "";
  let classes = 0;
  for (let round = 0; round < 5; round++) {
    globalThis.gc?.();
    const t0 = performance.now();
    compileRbac(head, { inventory, now });
    compileVap(head, { now });
    compileNetwork(head);
    buildMs.push(performance.now() - t0);
    globalThis.gc?.();
    const t1 = performance.now();
    const { diff } = await semanticDiff(base, head, { inventory, now });
    diffMs.push(performance.now() - t1);
    summary = JSON.stringify(diff.summary);
    classes = diff.clusters[0]!.access.length;
  }
  const d = median(diffMs);
  const b = median(buildMs);
  return [
    `tree: 1,000 AccessPolicies (+ 1 in head), 20 WorkloadPolicies, 20 TrafficPolicies; 200 namespaces, 50,000 object names`,
    `diff: ${classes} access classes, summary ${summary}`,
    `diff (median of 5): ${d.toFixed(0)} ms — ${(d / b).toFixed(2)} × one build of the head tree (${b.toFixed(0)} ms, compileRbac + compileVap + compileNetwork); target ≤ 1,000 ms: ${d <= 1000 ? "met" : "NOT met"}`,
  ];
}
