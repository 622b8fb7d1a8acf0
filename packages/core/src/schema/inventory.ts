import * as z from "zod";
import { dnsLabel, documentSchema, labels } from "./common.js";
import { kubernetesVersion } from "./cluster.js";

const name = z.string().min(1);

/** An API resource added to the built-in ones (e.g. a CRD). */
export const apiResourceSchema = z.strictObject({
  group: z.string(),
  version: z.string().min(1),
  resource: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a lowercase plural resource name"),
  kind: z.string().min(1),
  namespaced: z.boolean(),
  verbs: z.array(z.string().regex(/^[a-z]+$/)).min(1),
  subresources: z.array(z.string()).optional(),
});

/** `spec` of an Inventory. */
export const inventorySpecSchema = z.strictObject({
  kubernetesVersion: kubernetesVersion.optional(),
  namespaces: z.array(dnsLabel).optional(),
  /** Labels per namespace (`kubernetes.io/metadata.name` is implied): what TrafficPolicy `namespaceLabels` match. */
  namespaceLabels: z.record(dnsLabel, labels).optional(),
  resources: z.array(apiResourceSchema).optional(),
  objects: z.record(z.string(), z.union([z.array(name), z.record(dnsLabel, z.array(name))])).optional(),
});

/** An Inventory document. */
export const inventorySchema = documentSchema("Inventory", inventorySpecSchema);

/** A validated Inventory. */
export type InventoryDocument = z.infer<typeof inventorySchema>;
/** An API resource of an inventory. */
export type ApiResource = z.infer<typeof apiResourceSchema>;
