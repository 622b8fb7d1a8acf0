import * as z from "zod";
import { documentSchema, labels } from "./common.js";

/** A Kubernetes minor version like `1.33`. */
export const kubernetesVersion = z.string().regex(/^1\.\d{1,2}$/, "must be a Kubernetes minor version like `1.33` (quote it in YAML)");

/** `spec` of a Cluster. */
export const clusterSpecSchema = z.strictObject({
  tags: labels.optional(),
  kubernetesVersion: kubernetesVersion.optional(),
  inventory: z.string().min(1).optional(),
});

/** A Cluster document. */
export const clusterSchema = documentSchema("Cluster", clusterSpecSchema);

/** A validated Cluster. */
export type Cluster = z.infer<typeof clusterSchema>;
