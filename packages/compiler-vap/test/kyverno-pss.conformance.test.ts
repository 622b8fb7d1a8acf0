// Comparison with Kyverno's Pod Security ValidatingPolicies (kyverno/policies pod-security-vpol):
// each policy's own test resources (Pods, Deployments, CronJobs) through `admit` with
// `podSecurity: <level>`, judged by the violations of the matching Pod Security check only.
// Kyverno's reading of PSS differs from upstream in a few places: those resources are listed
// below with the reason, and asserted to stay exactly those.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { loadDocuments, workloadPolicy } from "@rampart/core";
import { admit } from "@rampart/compiler-vap";
import { conformancePath, describeConformance } from "../../../test-support/conformance.js";

/** Kyverno policy → the Pod Security check(s) it corresponds to. */
const CHECKS: Record<string, string[]> = {
  "disallow-capabilities": ["capabilities_baseline"],
  "restrict-sysctls": ["sysctls"],
  "restrict-seccomp": ["seccompProfile_baseline"],
  "disallow-host-namespaces": ["hostNamespaces"],
  "disallow-selinux": ["seLinuxOptions"],
  "disallow-host-process": ["windowsHostProcess"],
  "disallow-host-ports": ["hostPorts"],
  "disallow-proc-mount": ["procMount"],
  "disallow-host-path": ["hostPathVolumes"],
  "disallow-privileged-containers": ["privileged"],
  "require-run-as-non-root-user": ["runAsUser"],
  "restrict-seccomp-strict": ["seccompProfile_restricted"],
  "disallow-privilege-escalation": ["allowPrivilegeEscalation"],
  "require-run-as-nonroot": ["runAsNonRoot"],
  "disallow-capabilities-strict": ["capabilities_restricted"],
  "restrict-volume-types": ["restrictedVolumes"],
};

/** Where rampart (upstream PSA semantics) and Kyverno's expectations differ, and why. */
const DISAGREEMENTS: Record<string, string> = {};

/** A copy of a workload whose containers all drop ALL capabilities. */
function dropAll(resource: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(resource) as { kind: string; spec: Record<string, any> };
  const pod = copy.kind === "Pod" ? copy.spec : copy.kind === "CronJob" ? copy.spec.jobTemplate.spec.template.spec : copy.spec.template.spec;
  for (const list of ["containers", "initContainers", "ephemeralContainers"]) {
    for (const c of pod[list] ?? []) {
      c.securityContext ??= {};
      c.securityContext.capabilities ??= {};
      c.securityContext.capabilities.drop = ["ALL"];
    }
  }
  return copy;
}

const tally = { agreed: 0, total: 0 };
const policiesSeen: string[] = [];
/** The policies of the corpus (baseline and restricted folders) that map to a Pod Security check. */
const EXPECTED_POLICIES = [
  ...[
    "disallow-capabilities",
    "disallow-host-namespaces",
    "disallow-host-path",
    "disallow-host-ports",
    "disallow-host-process",
    "disallow-privileged-containers",
    "disallow-proc-mount",
    "disallow-selinux",
    "restrict-seccomp",
    "restrict-sysctls",
  ].map((p) => `baseline/${p}`),
  ...[
    "disallow-capabilities-strict",
    "disallow-privilege-escalation",
    "require-run-as-non-root-user",
    "require-run-as-nonroot",
    "restrict-seccomp-strict",
    "restrict-volume-types",
  ].map((p) => `restricted/${p}`),
];
/** Resources judged over all policies at the pinned corpus revision. */
const EXPECTED_RESOURCES = 865;
const found: string[] = [];

describeConformance("kyverno-pss-cel", "Kyverno pod-security-vpol test resources", () => {
  for (const level of ["baseline", "restricted"] as const) {
    const root = conformancePath("kyverno-pss-cel", "pod-security-vpol", level);
    const { documents } = loadDocuments([workloadPolicy("pss", { rules: [{ podSecurity: level }] })]);
    for (const policy of readdirSync(root)
      .filter((d) => CHECKS[d])
      .sort()) {
      policiesSeen.push(`${level}/${policy}`);
      it(`${level}/${policy}`, () => {
        const dir = join(root, policy, ".kyverno-test");
        const test = parse(readFileSync(join(dir, "kyverno-test.yaml"), "utf8")) as {
          results: { kind: string; policy: string; resources: string[]; result: "pass" | "fail" }[];
        };
        const expected = new Map<string, string>(test.results.flatMap((r) => r.resources.map((name) => [`${r.kind}/${name}`, r.result] as const)));
        // `adding-capabilities-strict` tests only the `add` half of the strict capabilities rule: its
        // resources get `drop: [ALL]` on every container, so that only that half can fail here.
        const addOnly = new Set(test.results.filter((r) => r.policy === "adding-capabilities-strict").flatMap((r) => r.resources.map((n) => `${r.kind}/${n}`)));
        const resources = parseAllDocuments(readFileSync(join(dir, "resource.yaml"), "utf8"))
          .map((d) => d.toJS() as Record<string, unknown>)
          .filter(Boolean)
          .map((r) => (addOnly.has(`${String(r.kind)}/${String((r.metadata as { name?: string }).name)}`) ? dropAll(r) : r));
        const results = admit(documents, resources, { now: new Date("2026-11-24T00:00:00Z") });
        const judged: string[] = [];
        for (const r of results) {
          const key = `${r.kind}/${r.name}`;
          const want = expected.get(key);
          if (!want) continue;
          judged.push(key);
          const got = r.violations.some((v) => CHECKS[policy]!.includes(v.rule)) ? "fail" : "pass";
          tally.total++;
          const label = `${level}/${policy} ${key}`;
          if (got === want) tally.agreed++;
          else found.push(`${label}: kyverno ${want}, rampart ${got}`);
          // One verdict per resource: Kyverno's, unless listed as a known disagreement.
          expect(got, label).toBe(DISAGREEMENTS[`${label}: kyverno ${want}, rampart ${got}`] ? got : want);
        }
        // Every resource Kyverno's test names was admitted and judged (none silently dropped), and it names some.
        expect(judged.sort()).toEqual([...expected.keys()].sort());
        expect(judged.length).toBeGreaterThanOrEqual(2);
      });
    }
  }
  it("every Kyverno policy of both levels was compared, with the exact resource count", () => {
    expect(policiesSeen.sort()).toEqual(EXPECTED_POLICIES);
    expect(tally.total).toBe(EXPECTED_RESOURCES);
  });
  it("disagreements are exactly the known ones", () => {
    expect(found.sort()).toEqual(Object.keys(DISAGREEMENTS).sort());
  });
  afterAll(() => {
    console.log(`[kyverno vpol] ${tally.agreed}/${tally.total} resources agree`);
    for (const f of found) console.log(`  ${f}${DISAGREEMENTS[f] ? ` — ${DISAGREEMENTS[f]}` : ""}`);
  });
});
