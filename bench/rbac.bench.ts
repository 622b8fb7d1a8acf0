// compiler-rbac at scale: 1,000 AccessPolicies, 200 namespaces, the built-in inventory and 50,000
// object names. Measures compile and verify wall time and peak heap, and compares the emitted
// object/rule counts with the naive one-Role-per-rule expansion (computed in the same run).
import { createInventory, loadDocuments, type RampartDocument } from "@rampart/core";
import { compileRbac, verifyRbac } from "@rampart/compiler-rbac";
import { prng } from "./prng.js";


function scenario() {
  const rand = prng(42);
  const namespaces = Array.from({ length: 200 }, (_, i) => `team-${i}`);
  const pods: Record<string, string[]> = {};
  const secrets: Record<string, string[]> = {};
  for (let i = 0; i < 200; i++) {
    pods[`team-${i}`] = Array.from({ length: 200 }, (_, j) => (j % 10 === 0 ? `nginx-${j}` : j % 7 === 0 ? `lead-${j}` : `app-${j}`));
    secrets[`team-${i}`] = Array.from({ length: 50 }, (_, j) => `secret-${j}`);
  }
  const inventory = createInventory({ namespaces, objects: { pods, secrets } });
  const policies: unknown[] = [];
  // 999 team policies and one ServiceAccount policy: 1,000 AccessPolicies.
  for (let i = 0; i < 999; i++) {
    const ns = `team-${i % 200}`;
    policies.push({
      apiVersion: "rampart.dev/v1alpha1",
      kind: "AccessPolicy",
      metadata: { name: `p${i}` },
      spec: {
        subjects: [{ group: `team-${i}` }, { user: `lead-${i}@example.com` }],
        rules: [
          { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "services", "configmaps", "deployments.apps"], namespaces: [ns, `${ns}-*`] },
          { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps"], namespaces: [ns] },
          { effect: "deny", verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] },
          { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec"], namespaces: [ns], names: ["lead-*"] },
          ...(rand() < 0.2 ? [{ effect: "allow", verbs: ["get"], resources: ["secrets"], namespaces: [ns], names: [`secret-${Math.floor(rand() * 50)}`] }] : []),
          // Every 10th team also reads nodes cluster-wide and scales any workload of its namespaces.
          ...(i % 10 === 0 ? [{ effect: "allow", verbs: ["get", "list", "watch"], resources: ["nodes"] }, { effect: "allow", verbs: ["get", "update"], resources: ["*/scale", "deployments.apps/scale"], namespaces: [`${ns}*`] }] : []),
        ],
      },
    });
  }
  // Every 50th team has a CI ServiceAccount with health checks and wildcard app access, minus secrets.
  for (let i = 0; i < 999; i += 50) {
    (policies[i] as { spec: { subjects: unknown[] } }).spec.subjects.push({ serviceAccount: `team-${i % 200}/ci` });
  }
  policies.push({
    apiVersion: "rampart.dev/v1alpha1",
    kind: "AccessPolicy",
    metadata: { name: "ci" },
    spec: {
      subjects: [{ group: "system:serviceaccounts" }],
      rules: [
        { effect: "allow", verbs: ["get"], nonResourceURLs: ["/healthz", "/readyz", "/metrics*"] },
        { effect: "allow", verbs: ["*"], resources: ["*.apps", "*.batch"], namespaces: ["team-1*"] },
        { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"] },
      ],
    },
  });
  const { documents, diagnostics } = loadDocuments(policies);
  if (diagnostics.length) throw new Error(JSON.stringify(diagnostics.slice(0, 3)));
  return { documents: documents as RampartDocument[], inventory };
}

/** Runs the benchmark and returns printable lines. */
export async function run(): Promise<string[]> {
  const { documents, inventory } = scenario();
  const names = [...inventory.objects.values()].reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0);
  const now = new Date("2026-11-24T00:00:00Z");
  // compile and verify are synchronous: the process's peak resident set (maxRSS) is the honest peak.
  const t0 = performance.now();
  const out = compileRbac(documents, { inventory, now });
  const compileMs = performance.now() - t0;
  const heapAfterCompile = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const proof = verifyRbac(documents, inventory, out.objects, { now, report: out.report });
  const verifyMs = performance.now() - t1;
  const heapAfterVerify = process.memoryUsage().heapUsed;
  const peak = process.resourceUsage().maxRSS * 1024;
  const c = out.report.counts;
  const gaps = out.report.rules.filter((r) => r.notExpressible.some((n) => !n.reason.startsWith("by name"))).length;
  return [
    `scenario: ${documents.length} AccessPolicies (${out.report.rules.length} rules), ${inventory.namespaces.length} namespaces, ${inventory.resources.length} resources, ${names} object names`,
    `compile: ${compileMs.toFixed(0)} ms (target ≤ 2000 ms: ${compileMs <= 2000 ? "met" : "MISSED"})`,
    `verify:  ${verifyMs.toFixed(0)} ms for ${proof.checked} requests (target ≤ 20000 ms: ${verifyMs <= 20000 ? "met" : "MISSED"}); over-grants ${proof.overGrants.length}, under-grants ${proof.underGrants.length} (${proof.underGrants.filter((u) => !u.covered).length} unexplained)`,
    `peak memory: ${(peak / 2 ** 20).toFixed(0)} MiB resident for the whole process (target ≤ 1024 MiB: ${peak <= 2 ** 30 ? "met" : "MISSED"}); heap after compile ${(heapAfterCompile / 2 ** 20).toFixed(0)} MiB, after verify ${(heapAfterVerify / 2 ** 20).toFixed(0)} MiB`,
    `reported: ${gaps} source rules with a part RBAC cannot express (${out.diagnostics.filter((d) => d.severity === "warning").length} warnings)`,
    `output: ${c.objects} objects, ${c.rules} rules — naive one-Role-per-rule expansion: ${c.naiveObjects} objects, ${c.naiveRules} rules (${(c.naiveObjects / Math.max(1, c.objects)).toFixed(1)}× objects, ${(c.naiveRules / Math.max(1, c.rules)).toFixed(1)}× rules)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await run()) console.log(line);
