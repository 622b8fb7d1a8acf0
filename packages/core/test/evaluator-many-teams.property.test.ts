import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEvaluator, createInventory, type AccessRequest } from "@rampart/core";
import { propertyFloor, propertyRuns } from "../../../test-support/property.js";
import { referenceExplain } from "../../../test-support/reference-evaluator.js";
import { manyTeamsScenario, RULES_PER_TEAM } from "../../../bench/many-teams.js";

// The "many teams" shape of the access benchmark (bench/many-teams.ts: per team a developers' and
// an operators' AccessPolicy with groups, named users and a ServiceAccount, allows, denies, name and
// namespace globs, extra reads with more rules per team) against the reference evaluator, with random
// requests of the teams' members and of strangers: unknown users and groups, teams beyond the last,
// other teams' namespaces, names that match and miss the globs. The benchmark checks a seeded sample
// of its own requests; this checks random ones at random sizes of the shape.

const NOW = Date.parse("2026-11-24T00:00:00Z");
const inventory = createInventory();

const TARGETS: readonly (readonly [apiGroup: string, resource: string, subresource: string])[] = [
  ["", "pods", ""],
  ["", "pods", "exec"],
  ["", "pods", "log"],
  ["", "services", ""],
  ["apps", "deployments", ""],
  ["apps", "deployments", "scale"],
  ["batch", "jobs", ""],
  ["batch", "cronjobs", ""],
  ["", "configmaps", ""],
  ["", "secrets", ""],
  ["", "persistentvolumeclaims", ""],
  ["", "endpoints", ""],
  ["apps", "statefulsets", ""],
  ["", "nodes", ""],
  ["", "replicationcontrollers", "scale"],
];
const VERBS = ["get", "get", "get", "list", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "escalate"] as const;
const NAMES = ["api-1", "worker-7", "worker-77", "prod-db", "prod-key", "db-0", "nginx-1", "web", "lead-2"] as const;

/** A request of team `t`'s subjects (or a stranger), mostly in a namespace of team `t`, else of another team or none. */
const request = (teams: number) =>
  fc
    .record({
      t: fc.nat({ max: teams }), // `teams` itself is a team that does not exist
      other: fc.nat({ max: teams }),
      own: fc.integer({ min: 0, max: 9 }).map((k) => k < 7), // most requests are in the team's own namespaces
      who: fc.constantFrom("dev", "dev", "op", "op", "lead", "intern", "oncall", "oncall", "deployer", "deployer", "other-sa", "stranger", ""),
      // A dev or op is in the team's group of its role most of the time, plus any others.
      member: fc.integer({ min: 0, max: 4 }).map((k) => k > 0),
      groups: fc.subarray(["devs", "ops", "other-devs", "system:authenticated", "system:serviceaccounts", "sa-ns", "stranger-group"] as const, {
        maxLength: 3,
      }),
      verb: fc.constantFrom(...VERBS),
      target: fc.constantFrom(...TARGETS),
      namespace: fc.constantFrom("team", "team", "team-dev", "team-dev", "team-x", "team-extra-0", "team-extra-3", "kube-system", "", "team-1x"),
      // Collections (list, watch, deletecollection; create now and then) have no name.
      nameless: fc.boolean(),
      name: fc.constantFrom(...NAMES),
    })
    .map(({ t, other, own, who, member, groups, verb, target, namespace, nameless, name }): AccessRequest => {
      const [apiGroup, resource, subresource] = target;
      const u = own ? t : other;
      const users: Record<typeof who, string> = {
        dev: `dev-${t}-3@example.com`,
        op: `op-${t}-1@example.com`,
        lead: `lead-${t}@example.com`,
        intern: `intern-${t}@example.com`,
        oncall: `oncall-${t}@example.com`,
        deployer: `system:serviceaccount:team-${t}:deployer`,
        "other-sa": `system:serviceaccount:team-${t}:builder`,
        stranger: "mallory@example.com",
        "": "",
      };
      const group: Record<(typeof groups)[number], string> = {
        devs: `team-${t}-devs`,
        ops: `team-${t}-ops`,
        "other-devs": `team-${u}-devs`,
        "system:authenticated": "system:authenticated",
        "system:serviceaccounts": "system:serviceaccounts",
        "sa-ns": `system:serviceaccounts:team-${t}`,
        "stranger-group": "team-devs",
      };
      const ns = namespace === "kube-system" || namespace === "" ? namespace : namespace.replace("team", `team-${u}`);
      const listed: string[] = groups.map((g) => group[g]);
      if (member && (who === "dev" || who === "op")) listed.unshift(group[who === "dev" ? "devs" : "ops"]);
      const collection = verb === "list" || verb === "watch" || verb === "deletecollection" || (verb === "create" && nameless);
      return { user: users[who], groups: listed, verb, apiGroup, resource, subresource, namespace: ns, name: collection ? "" : name };
    });

const shape = fc
  .record({
    teams: fc.integer({ min: 1, max: 40 }),
    rulesPerTeam: fc.constantFrom(RULES_PER_TEAM, RULES_PER_TEAM + 1, RULES_PER_TEAM + 4, 2 * RULES_PER_TEAM + 3),
  })
  .chain(({ teams, rulesPerTeam }) =>
    fc.record({ teams: fc.constant(teams), rulesPerTeam: fc.constant(rulesPerTeam), requests: fc.array(request(teams), { minLength: 10, maxLength: 60 }) }),
  );

describe("the many-teams shape: createEvaluator agrees with the reference (fast-check)", () => {
  it("same decision and deciding rule for random requests of members and strangers, by decide and decideMany", () => {
    const runs = propertyRuns(300);
    const seen = { allow: 0, denyByRule: 0, defaultDeny: 0, serviceAccountAllow: 0, groupAllow: 0, userAllow: 0, collectionAllow: 0, collectionDeny: 0 };
    fc.assert(
      fc.property(shape, ({ teams, rulesPerTeam, requests }) => {
        const documents = manyTeamsScenario(teams, rulesPerTeam);
        const evaluator = createEvaluator(documents, { now: NOW, inventory });
        const many = evaluator.decideMany(requests);
        requests.forEach((req, i) => expect(many[i], JSON.stringify(req)).toBe(evaluator.decide(req)));
        for (const req of requests) {
          const want = referenceExplain(documents, req, { now: NOW, inventory });
          const got = evaluator.decide(req);
          const label = JSON.stringify(req);
          expect(got.decision, label).toBe(want.decision);
          expect(got.matched, label).toEqual(want.deciding ? [want.deciding] : []);
          if (req.name === "") seen[got.decision === "allow" ? "collectionAllow" : "collectionDeny"]++;
          if (got.decision === "allow") {
            seen.allow++;
            if (req.user!.startsWith("system:serviceaccount:")) seen.serviceAccountAllow++;
            else if (/^(lead|intern|oncall)-/.test(req.user!)) seen.userAllow++;
            else seen.groupAllow++;
          } else if (got.matched.length > 0) seen.denyByRule++;
          else seen.defaultDeny++;
        }
      }),
      { numRuns: runs },
    );
    // 10 requests or more per run, most denied by default (strangers, other teams' namespaces); each kind of
    // outcome and of subject must keep occurring (floors at a third of the rates seen or less).
    const perRun = {
      allow: 0.3,
      denyByRule: 0.1,
      defaultDeny: 3,
      serviceAccountAllow: 0.04,
      groupAllow: 0.1,
      userAllow: 0.1,
      collectionAllow: 0.1,
      collectionDeny: 1,
    };
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThanOrEqual(propertyFloor(perRun[kind as keyof typeof perRun], runs));
  });
});
