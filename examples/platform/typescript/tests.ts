// The PolicyTests of the platform (same document as ../policies/tests.yaml).
import { policyTest } from "@rampart/core";

const payments = { user: "bob", groups: ["payments"] };
const lead = { user: "carol", groups: ["team-leads"] };
const oncall = { user: "oncall@example.com", verb: "get", resource: "secrets", namespace: "payments", name: "db-password" };
const dana = { user: "dana", groups: ["data"], verb: "create", apiGroup: "batch", resource: "jobs", namespace: "data" };

export default policyTest("platform", {
  access: [
    { request: { ...payments, verb: "get", resource: "pods", namespace: "payments", name: "api-7d9f-1" }, expect: "allow" },
    { request: { ...payments, verb: "get", resource: "pods", namespace: "payments", name: "nginx-ingress-1" }, expect: "deny" },
    { request: { ...payments, verb: "get", resource: "secrets", namespace: "payments", name: "db-password" }, expect: "deny" },
    { request: { ...payments, verb: "list", resource: "pods", namespace: "payments" }, expect: "deny" },
    { request: { ...lead, verb: "create", resource: "pods", subresource: "exec", namespace: "search", name: "lead-shell" }, expect: "allow" },
    { request: { ...lead, verb: "create", resource: "pods", subresource: "exec", namespace: "search", name: "indexer-0" }, expect: "deny" },
    { request: { ...oncall, cluster: "prod" }, expect: "allow" },
    { request: { ...oncall, cluster: "dev" }, expect: "deny" },
    { request: { ...dana, cluster: "dev" }, expect: "allow" },
    { request: { ...dana, cluster: "prod" }, expect: "deny" },
    { request: { user: "system:serviceaccount:monitoring:prometheus", verb: "get", nonResourceURL: "/metrics" }, expect: "allow" },
  ],
  admission: [
    { file: "../fixtures/root-pod.yaml", expect: "deny", violations: ["privileged", "runAsNonRoot", "readOnlyRootFilesystem", "imageDigest"] },
    { file: "../fixtures/good-pod.yaml", expect: "allow" },
  ],
  traffic: [
    { from: { namespace: "web", pods: { app: "frontend" } }, to: { namespace: "payments", pods: { app: "api" } }, port: "8080/TCP", expect: "allow" },
    { from: { namespace: "search", pods: { app: "indexer" } }, to: { namespace: "payments", pods: { app: "api" } }, port: "8080/TCP", expect: "deny" },
    { from: { namespace: "payments", pods: { app: "api" } }, to: { ip: "169.254.169.254" }, port: "80/TCP", expect: "deny" },
  ],
});
