import * as z from "zod";
import { accessPolicySchema } from "./access-policy.js";
import { clusterSchema } from "./cluster.js";
import { inventorySchema } from "./inventory.js";
import { policyTestSchema } from "./policy-test.js";
import { trafficPolicySchema } from "./traffic-policy.js";
import { workloadPolicySchema } from "./workload-policy.js";

/** Schemas of every document kind, by kind. */
export const DOCUMENT_SCHEMAS = {
  AccessPolicy: accessPolicySchema,
  WorkloadPolicy: workloadPolicySchema,
  TrafficPolicy: trafficPolicySchema,
  Cluster: clusterSchema,
  Inventory: inventorySchema,
  PolicyTest: policyTestSchema,
} as const;

/** A document kind of rampart. */
export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;

/** Every document kind, in a stable order. */
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[];

/** Any rampart document. */
export const documentSchema = z.discriminatedUnion("kind", [
  accessPolicySchema,
  workloadPolicySchema,
  trafficPolicySchema,
  clusterSchema,
  inventorySchema,
  policyTestSchema,
]);
