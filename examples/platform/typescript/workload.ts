// Pod hardening for the team namespaces (same document as ../policies/workload.yaml).
import { workloadPolicy } from "@rampart/core";

export default workloadPolicy("restricted-apps", {
  action: "deny",
  match: { namespaces: ["payments", "payments-*", "search", "web", "data"], excludeNamespaces: ["kube-system"] },
  exemptions: [{ images: ["registry.example.com/debug/*"], owner: "sre@example.com", expires: "2027-03-31" }],
  rules: [
    { podSecurity: "restricted" },
    { readOnlyRootFilesystem: true },
    { automountServiceAccountToken: false },
    { imageDigest: "required" },
    { allowedRegistries: ["registry.example.com/"] },
    { resources: { limits: ["cpu", "memory"], requests: ["cpu", "memory"] } },
    { requiredLabels: ["app.kubernetes.io/name"] },
  ],
});
