import { describe, expect, it } from "vitest";
import { accessPolicy, allow, deny, loadDocuments, whoCan, type ResourceName, type WhoCanEntry } from "@rampart/core";

const docs = (...values: unknown[]) => {
  const r = loadDocuments(values);
  expect(r.diagnostics).toEqual([]);
  return r.documents;
};
const show = (entries: WhoCanEntry[]) =>
  entries.map((e) => `${e.subject.kind} ${e.subject.name} ${e.rule.policy}#${e.rule.rule}${e.indirect ? ` indirect: ${e.path!.join(" → ")}` : ""}`);

const KINDS = [
  ["deployments.apps", "create deployments.apps"],
  ["replicasets.apps", "create replicasets.apps"],
  ["statefulsets.apps", "create statefulsets.apps"],
  ["daemonsets.apps", "create daemonsets.apps"],
  ["jobs.batch", "create jobs.batch"],
  ["cronjobs.batch", "create cronjobs.batch"],
  ["replicationcontrollers", "create replicationcontrollers"],
] as const;

const onlyCreate = (resource: ResourceName) =>
  docs(
    accessPolicy("team", { subjects: [{ group: "dev" }], rules: [allow({ verbs: ["create", "get"], resources: [resource], namespaces: ["team-a"] })] }),
    accessPolicy("ops", {
      subjects: [{ group: "ops" }],
      rules: [
        allow({ verbs: ["create"], resources: ["pods", "serviceaccounts/token"], namespaces: ["team-a"] }),
        allow({ verbs: ["get"], resources: ["secrets"], namespaces: ["team-a"] }),
      ],
    }),
  );

describe("who-can lists indirect paths, per workload kind", () => {
  for (const [resource, step] of KINDS) {
    it(`create ${resource} reaches pods, secrets and ServiceAccount tokens in its namespace only`, () => {
      const d = onlyCreate(resource);
      expect(show(whoCan(d, { verb: "create", resource: "pods", namespace: "team-a" }))).toEqual([
        `Group dev team#0 indirect: ${step} → its controller creates pods of any spec in the namespace`,
        "Group ops ops#0",
      ]);
      expect(show(whoCan(d, { verb: "get", resource: "secrets", namespace: "team-a", name: "db" }))).toEqual([
        `Group dev team#0 indirect: ${step} → runs pods as any ServiceAccount of the namespace → mounts any secret of the namespace`,
        "Group ops ops#1",
      ]);
      expect(show(whoCan(d, { verb: "create", resource: "serviceaccounts", subresource: "token", namespace: "team-a", name: "builder" }))).toEqual([
        `Group dev team#0 indirect: ${step} → runs pods as any ServiceAccount of the namespace → obtains a token of any ServiceAccount of the namespace`,
        "Group ops ops#0",
      ]);
      for (const ns of ["team-b", ""]) {
        expect(show(whoCan(d, { verb: "create", resource: "pods", namespace: ns }))).toEqual([]);
        expect(show(whoCan(d, { verb: "get", resource: "secrets", namespace: ns, name: "db" }))).toEqual([]);
      }
    });
  }

  it("create pods reaches secrets and tokens; the JSON entry carries indirect and path", () => {
    const d = docs(accessPolicy("team", { subjects: [{ user: "alice" }], rules: [allow({ verbs: ["create"], resources: ["pods"], namespaces: ["team-*"] })] }));
    expect(whoCan(d, { verb: "get", resource: "secrets", namespace: "team-x", name: "db" })).toEqual([
      {
        subject: { kind: "User", name: "alice" },
        rule: { policy: "team", rule: 0, effect: "allow" },
        reason:
          "indirect: create pods → runs pods as any ServiceAccount of the namespace → mounts any secret of the namespace; the first step is allowed by rule 0 of AccessPolicy `team`, which allows create on pods in namespaces team-*, and no deny rule matches",
        indirect: true,
        path: ["create pods", "runs pods as any ServiceAccount of the namespace", "mounts any secret of the namespace"],
      },
    ]);
    expect(show(whoCan(d, { verb: "get", resource: "secrets", namespace: "team-x", name: "db" }, { indirect: false }))).toEqual([]);
  });

  it("ephemeral containers are as good as exec, on the pods they are granted for", () => {
    const d = docs(
      accessPolicy("debug", {
        subjects: [{ group: "sre" }],
        rules: [allow({ verbs: ["patch"], resources: ["pods/ephemeralcontainers"], namespaces: ["team-a"], names: ["api-*"] })],
      }),
    );
    expect(show(whoCan(d, { verb: "create", resource: "pods", subresource: "exec", namespace: "team-a", name: "api-1" }))).toEqual([
      "Group sre debug#0 indirect: patch pods/ephemeralcontainers → adds an ephemeral container to the pod → runs any command in the pod, as exec does",
    ]);
    expect(show(whoCan(d, { verb: "get", resource: "pods", subresource: "exec", namespace: "team-a", name: "api-1" }))).toHaveLength(1);
    expect(show(whoCan(d, { verb: "create", resource: "pods", subresource: "exec", namespace: "team-a", name: "db-0" }))).toEqual([]);
    expect(show(whoCan(d, { verb: "create", resource: "pods", subresource: "exec", namespace: "team-b", name: "api-1" }))).toEqual([]);
  });

  it("a name-restricted create still runs pods (the creator picks the name)", () => {
    const d = docs(
      accessPolicy("web", {
        subjects: [{ group: "web" }],
        rules: [allow({ verbs: ["create"], resources: ["deployments.apps"], namespaces: ["team-a"], names: ["web-*"] })],
      }),
    );
    expect(show(whoCan(d, { verb: "create", resource: "pods", namespace: "team-a" }))).toEqual([
      "Group web web#0 indirect: create deployments.apps → its controller creates pods of any spec in the namespace",
    ]);
  });

  it("denies close a path: a subject denied the enabling verb has no indirect path", () => {
    const d = docs(
      accessPolicy("team", {
        subjects: [{ group: "dev" }],
        rules: [
          allow({ verbs: ["*"], resources: ["*.apps", "*.batch"], namespaces: ["team-a", "team-b"] }),
          deny({ verbs: ["create"], resources: ["*.apps", "*.batch"], namespaces: ["team-b"] }),
        ],
      }),
    );
    expect(show(whoCan(d, { verb: "create", resource: "pods", namespace: "team-a" }))).toEqual([
      "Group dev team#0 indirect: create deployments.apps → its controller creates pods of any spec in the namespace",
    ]);
    expect(show(whoCan(d, { verb: "create", resource: "pods", namespace: "team-b" }))).toEqual([]);
  });

  it("least-privilege policies show no indirect path", () => {
    const d = docs(
      accessPolicy("viewer", {
        subjects: [{ group: "view" }],
        rules: [allow({ verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "deployments.apps", "jobs.batch", "configmaps"], namespaces: ["*"] })],
      }),
      accessPolicy("config", {
        subjects: [{ user: "cfg" }],
        rules: [allow({ verbs: ["create", "update", "patch"], resources: ["configmaps", "services"], namespaces: ["team-a"] })],
      }),
      accessPolicy("scaler", {
        subjects: [{ serviceAccount: "ops/hpa" }],
        rules: [allow({ verbs: ["update", "patch"], resources: ["deployments.apps/scale"], namespaces: ["team-a"] })],
      }),
      accessPolicy("no-eph", {
        subjects: [{ group: "sre" }],
        rules: [allow({ verbs: ["get"], resources: ["pods/ephemeralcontainers"], namespaces: ["team-a"] })],
      }),
    );
    for (const request of [
      { verb: "create", resource: "pods", namespace: "team-a" },
      { verb: "get", resource: "secrets", namespace: "team-a", name: "db" },
      { verb: "create", resource: "serviceaccounts", subresource: "token", namespace: "team-a", name: "default" },
      { verb: "create", resource: "pods", subresource: "exec", namespace: "team-a", name: "api-1" },
    ])
      expect(show(whoCan(d, request))).toEqual([]);
  });

  it("list and watch of secrets have no indirect path (mounting does not enumerate)", () => {
    expect(show(whoCan(onlyCreate("deployments.apps"), { verb: "list", resource: "secrets", namespace: "team-a" }))).toEqual([]);
  });
});
