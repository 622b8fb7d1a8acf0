// Shared fixtures of the compiler-vap tests.
import { expect } from "vitest";
import { createEvaluator, loadDocuments, type AccessRequest, type Inventory, type RampartDocument } from "@rampart/core";
import { compileAccessAdmission } from "../src/access-admission/compile-access-admission.js";
import { writeEnvelope } from "../src/access-admission/envelope.js";
import { evaluateAccessAdmission } from "../src/access-admission/evaluate-access-admission.js";

export const NOW = new Date("2026-11-24T00:00:00Z");
export const DIGEST = `@sha256:${"a".repeat(64)}`;

/** Loads in-memory documents, expecting no diagnostics. */
export function docs(values: unknown[]): RampartDocument[] {
  const { documents, diagnostics } = loadDocuments(values);
  expect(diagnostics).toEqual([]);
  return documents;
}

/** A container that passes every catalogue rule and the restricted Pod Security level. */
export const GOOD_CONTAINER = {
  name: "app",
  image: `registry.example.com/app${DIGEST}`,
  securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
  resources: { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } },
  ports: [{ containerPort: 8080 }],
};

/** A pod spec that passes everything with `containers`. */
export const podSpec = (containers: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  automountServiceAccountToken: false,
  securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
  containers,
  ...extra,
});

/** A Pod manifest. */
export const pod = (name: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}, namespace = "team-a") => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace, labels: { "app.kubernetes.io/name": name } },
  spec: podSpec(containers, extra),
});

/** A controller manifest whose pod template has `containers`. */
export function controller(kind: string, name: string, containers: Record<string, unknown>[], namespace = "team-a") {
  const template = { metadata: { labels: { app: name } }, spec: podSpec(containers) };
  const apiVersion = {
    Deployment: "apps/v1",
    StatefulSet: "apps/v1",
    DaemonSet: "apps/v1",
    ReplicaSet: "apps/v1",
    ReplicationController: "v1",
    Job: "batch/v1",
    CronJob: "batch/v1",
  }[kind];
  const spec = kind === "CronJob" ? { schedule: "* * * * *", jobTemplate: { spec: { template } } } : { template };
  return { apiVersion, kind, metadata: { name, namespace, labels: { "app.kubernetes.io/name": name } }, spec };
}

/** The write path as both layers decide it: RBAC modelled by the evaluator on the envelope (compileRbac is exact on it up to its reported under-grants), then the write-path admission policy. */
export function combinedWriteLayers(documents: RampartDocument[], inventory: Inventory) {
  const envelope = createEvaluator(writeEnvelope(documents, inventory), { now: NOW, inventory });
  const { objects } = compileAccessAdmission(documents, { inventory, now: NOW });
  return (r: AccessRequest) => envelope.decide(r).decision === "allow" && evaluateAccessAdmission(objects, r).admitted;
}
