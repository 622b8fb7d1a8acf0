// The access rules of the platform, written with the typed builders (same documents as ../policies/access.yaml).
import { accessPolicy, allow, deny } from "@rampart/core";

const noNginx = deny({ verbs: ["*"], resources: ["pods"], namespaces: ["*"], names: ["nginx*"] });
const noSecrets = deny({ verbs: ["*"], resources: ["secrets"], namespaces: ["*"] });

export default [
  accessPolicy("payments", {
    subjects: [{ group: "payments" }, { serviceAccount: "payments/deployer" }],
    rules: [
      allow({
        verbs: ["get", "list", "watch"],
        resources: ["pods", "pods/log", "services", "configmaps", "deployments.apps", "replicasets.apps", "jobs.batch", "cronjobs.batch"],
        namespaces: ["payments", "payments-*"],
      }),
      allow({
        verbs: ["create", "update", "patch", "delete"],
        resources: ["deployments.apps", "services", "configmaps"],
        namespaces: ["payments", "payments-*"],
      }),
      noNginx,
      noSecrets,
    ],
  }),
  accessPolicy("search", {
    subjects: [{ group: "search" }],
    rules: [
      allow({ verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "services", "deployments.apps", "statefulsets.apps"], namespaces: ["search"] }),
      allow({ verbs: ["create", "update", "patch", "delete"], resources: ["deployments.apps", "statefulsets.apps"], namespaces: ["search"] }),
      noSecrets,
    ],
  }),
  accessPolicy("web", {
    subjects: [{ group: "web" }],
    rules: [
      allow({ verbs: ["get", "list", "watch"], resources: ["pods", "pods/log", "services", "ingresses.networking.k8s.io"], namespaces: ["web"] }),
      noNginx,
    ],
  }),
  accessPolicy("data", {
    subjects: [{ group: "data" }],
    clusters: { env: "dev" },
    rules: [
      allow({ verbs: ["get", "list", "watch", "create", "delete"], resources: ["jobs.batch", "cronjobs.batch", "pods", "pods/log"], namespaces: ["data"] }),
    ],
  }),
  accessPolicy("leads", {
    subjects: [{ group: "team-leads" }],
    rules: [allow({ verbs: ["get", "create"], resources: ["pods/exec"], namespaces: ["payments", "search"], names: ["lead-*"] })],
  }),
  accessPolicy("break-glass", {
    subjects: [{ user: "oncall@example.com" }],
    clusters: { env: "prod" },
    rules: [
      allow({ verbs: ["get", "list"], resources: ["secrets"], namespaces: ["payments"], expires: "2027-01-31T18:00:00Z", reason: "INC-4711 break-glass" }),
    ],
  }),
  accessPolicy("monitoring", {
    subjects: [{ serviceAccount: "monitoring/prometheus" }],
    rules: [
      allow({ verbs: ["get", "list", "watch"], resources: ["pods", "services", "endpoints", "nodes"] }),
      allow({ verbs: ["get"], nonResourceURLs: ["/metrics", "/metrics/*"] }),
    ],
  }),
];
