// The "many teams" access shape (issue 14 row 3): `teams` teams, each with its own groups (devs,
// ops), users named directly in its policies and a deployer ServiceAccount, two AccessPolicies per
// team and five rules in all (so 200 teams = 1,000 rules, 2,000 teams = 10,000 rules). Requests are
// drawn from the teams' own subjects (a dev, an op, a directly named user or the deployer), mixed
// allow and deny, names and namespaces — mostly their own team's, some another team's.
import { loadDocuments, type AccessRequest, type RampartDocument } from "@rampart/core";
import { prng } from "./prng.js";

const API = "rampart.dev/v1alpha1";
/** Rules per team in this shape. */
export const RULES_PER_TEAM = 5;

/** Two AccessPolicies per team: the developers' (3 rules) and the operators' (2 rules). */
export function manyTeamsScenario(teams: number): RampartDocument[] {
  const values: unknown[] = [];
  for (let i = 0; i < teams; i++) {
    const team = `team-${i}`;
    values.push(
      {
        apiVersion: API,
        kind: "AccessPolicy",
        metadata: { name: `${team}-devs` },
        spec: {
          subjects: [{ group: `${team}-devs` }, { user: `lead-${i}@example.com` }, { user: `intern-${i}@example.com` }],
          rules: [
            { effect: "allow", verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "services", "deployments.apps", "*.batch"], namespaces: [team, `${team}-*`] },
            { effect: "allow", verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "configmaps", "*/scale"], namespaces: [team] },
            { effect: "deny", verbs: ["*"], resources: ["secrets"], namespaces: ["*"], names: ["prod-*"] },
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
            { effect: "allow", verbs: ["get", "create"], resources: ["pods/exec", "pods", "secrets"], namespaces: [team, `${team}-dev`], names: ["api-*", "worker-?", "prod-db"] },
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

/** Seeded requests of the teams' own subjects. */
export function manyTeamsRequests(count: number, teams: number, seed: number): AccessRequest[] {
  const rand = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const targets = [
    ["", "pods", ""], ["", "pods", ""], ["", "pods", "exec"], ["", "pods", "log"], ["", "services", ""], ["apps", "deployments", ""],
    ["apps", "deployments", "scale"], ["batch", "jobs", ""], ["", "configmaps", ""], ["", "secrets", ""], ["", "persistentvolumeclaims", ""],
  ] as const;
  const out: AccessRequest[] = [];
  for (let i = 0; i < count; i++) {
    const t = Math.floor(rand() * teams);
    const ns = rand() < 0.2 ? Math.floor(rand() * teams) : t;
    const [apiGroup, resource, subresource] = pick(targets);
    const verb = pick(["get", "get", "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]);
    const collection = verb === "list" || verb === "watch" || verb === "deletecollection" || (verb === "create" && subresource === "");
    const who = Math.floor(rand() * 5);
    const subject =
      who === 0 ? { user: `dev-${t}-${Math.floor(rand() * 20)}@example.com`, groups: [`team-${t}-devs`, "system:authenticated"] }
      : who === 1 ? { user: `op-${t}-${Math.floor(rand() * 5)}@example.com`, groups: [`team-${t}-ops`, "system:authenticated"] }
      : who === 2 ? { user: pick([`lead-${t}@example.com`, `intern-${t}@example.com`, `oncall-${t}@example.com`]), groups: ["system:authenticated"] }
      : who === 3 ? { user: `system:serviceaccount:team-${t}:deployer`, groups: ["system:serviceaccounts", `system:serviceaccounts:team-${t}`, "system:authenticated"] }
      : { user: `dev-${t}-0@example.com`, groups: [`team-${t}-devs`, `team-${t}-ops`, "system:authenticated"] };
    out.push({
      ...subject,
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
