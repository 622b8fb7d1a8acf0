// The "many teams" access shape (issue 14 row 3): `teams` teams, each with its own groups (devs,
// ops), users named directly in its policies and a deployer ServiceAccount, two AccessPolicies per
// team and five rules in all (so 200 teams = 1,000 rules, 2,000 teams = 10,000 rules), or more
// rules per team (the developers' policy then also allows reads of other resources in extra
// namespaces). Requests are drawn from the teams' own subjects (a dev, an op, a directly named user
// or the deployer), mixed allow and deny, names and namespaces — mostly their own team's, some
// another team's — and all have one shape (the same fields in the same order, as JSON.parse or
// `parseRequest` give them).
import { loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { prng } from "./prng.js";

const API = "rampart.dev/v1alpha1";
/** Rules per team in this shape. */
export const RULES_PER_TEAM = 5;

/** Resources of the extra read rules of `manyTeamsScenario`'s larger teams. */
const EXTRA_RESOURCES = [
  "configmaps",
  "services",
  "endpoints",
  "events",
  "serviceaccounts",
  "persistentvolumeclaims",
  "jobs.batch",
  "cronjobs.batch",
  "statefulsets.apps",
  "replicasets.apps",
];

/**
 * Two AccessPolicies per team: the developers' (3 rules, plus `rulesPerTeam - 5` extra reads) and
 * the operators' (2 rules).
 */
export function manyTeamsScenario(teams: number, rulesPerTeam = RULES_PER_TEAM): RampartDocument[] {
  const values: unknown[] = [];
  for (let i = 0; i < teams; i++) {
    const team = `team-${i}`;
    const extra = Array.from({ length: rulesPerTeam - RULES_PER_TEAM }, (_, k) => ({
      effect: "allow",
      verbs: ["get", "list"],
      resources: [EXTRA_RESOURCES[k % EXTRA_RESOURCES.length]],
      namespaces: [`${team}-extra-${k}`],
    }));
    values.push(
      {
        apiVersion: API,
        kind: "AccessPolicy",
        metadata: { name: `${team}-devs` },
        spec: {
          subjects: [{ group: `${team}-devs` }, { user: `lead-${i}@example.com` }, { user: `intern-${i}@example.com` }],
          rules: [
            {
              effect: "allow",
              verbs: ["get", "list", "watch"],
              resources: ["pods", "pods/log", "services", "deployments.apps", "*.batch"],
              namespaces: [team, `${team}-*`],
            },
            { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps", "*/scale"], namespaces: [team] },
            { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"], names: ["prod-*"] },
            ...extra,
          ],
        },
      },
      {
        apiVersion: API,
        kind: "AccessPolicy",
        metadata: { name: `${team}-ops` },
        spec: {
          subjects: [{ group: `${team}-ops` }, { user: `oncall-${i}@example.com` }, { serviceAccount: `${team}/deployer` }],
          rules: [
            {
              effect: "allow",
              verbs: ["get", "create"],
              resources: ["pods/exec", "pods", "secrets"],
              namespaces: [team, `${team}-dev`],
              names: ["api-*", "worker-?", "prod-db"],
            },
            { effect: "deny", verbs: ["delete", "deletecollection"], resources: ["pods", "persistentvolumeclaims"], namespaces: [team], names: ["db-*"] },
          ],
        },
      },
    );
  }
  const { documents, diagnostics } = loadDocuments(values);
  if (diagnostics.length) throw new Error(`many-teams scenario does not load: ${JSON.stringify(diagnostics[0])}`);
  return documents;
}

/** Seeded requests of the teams' own subjects, all of one shape (fields in one order). */
export function manyTeamsRequests(count: number, teams: number, seed: number): AccessRequest[] {
  const rand = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const targets = [
    ["", "pods", ""],
    ["", "pods", ""],
    ["", "pods", "exec"],
    ["", "pods", "log"],
    ["", "services", ""],
    ["apps", "deployments", ""],
    ["apps", "deployments", "scale"],
    ["batch", "jobs", ""],
    ["", "configmaps", ""],
    ["", "secrets", ""],
    ["", "persistentvolumeclaims", ""],
  ] as const;
  const out: AccessRequest[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor(rand() * teams);
    const ns = rand() < 0.2 ? Math.floor(rand() * teams) : t;
    const [apiGroup, resource, subresource] = pick(targets);
    const verb = pick(["get", "get", "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]);
    const collection = verb === "list" || verb === "watch" || verb === "deletecollection" || (verb === "create" && subresource === "");
    const who = Math.floor(rand() * 5);
    const [user, groups] =
      who === 0
        ? [`dev-${t}-${Math.floor(rand() * 20)}@example.com`, [`team-${t}-devs`, "system:authenticated"]]
        : who === 1
          ? [`op-${t}-${Math.floor(rand() * 5)}@example.com`, [`team-${t}-ops`, "system:authenticated"]]
          : who === 2
            ? [pick([`lead-${t}@example.com`, `intern-${t}@example.com`, `oncall-${t}@example.com`]), ["system:authenticated"]]
            : who === 3
              ? [`system:serviceaccount:team-${t}:deployer`, ["system:serviceaccounts", `system:serviceaccounts:team-${t}`, "system:authenticated"]]
              : [`dev-${t}-0@example.com`, [`team-${t}-devs`, `team-${t}-ops`, "system:authenticated"]];
    out.push({
      user,
      groups,
      verb,
      apiGroup,
      resource,
      subresource,
      namespace: rand() < 0.05 ? "" : pick([`team-${ns}`, `team-${ns}`, `team-${ns}-dev`, "kube-system"]),
      name: collection ? "" : pick(["api-1", "worker-7", "prod-db", "prod-key", "db-0", "nginx-1", "web"]),
    });
  }
  return out;
}

/**
 * The same requests, each built with object spread (`{ ...subject, verb, … }`): in V8 every such
 * object gets a hidden class of its own, so every property read of a request is a megamorphic
 * lookup (the first many-teams figures measured this, not the evaluator).
 */
export function spreadBuilt(requests: readonly AccessRequest[]): AccessRequest[] {
  return requests.map(({ user = "", groups = [], ...rest }) => {
    const subject = { user, groups };
    return { ...subject, ...rest };
  });
}
