import * as z from "zod";
import { dnsLabel, documentSchema, exactlyOne, glob, labelKey, labels, timestamp } from "./common.js";

/** Kinds a WorkloadPolicy can match: Pod and every pod-template controller. */
export const WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"] as const;

/** Names of the workload rules, as written in a policy. */
export const WORKLOAD_RULE_NAMES = [
  "podSecurity",
  "readOnlyRootFilesystem",
  "automountServiceAccountToken",
  "imageDigest",
  "allowedRegistries",
  "disallowLatestTag",
  "resources",
  "forbiddenContainerPorts",
  "requiredLabels",
  "cel",
] as const;

/** A workload rule name. */
export type WorkloadRuleName = (typeof WORKLOAD_RULE_NAMES)[number];

const resourceName = z
  .string()
  .regex(/^([a-z0-9.-]+\/)?[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/, "must be a resource name such as `cpu`, `memory` or `nvidia.com/gpu`");

/** One workload rule: an object with exactly one rule key. */
export const workloadRuleSchema = z
  .strictObject({
    podSecurity: z.enum(["baseline", "restricted"]).optional(),
    readOnlyRootFilesystem: z.literal(true).optional(),
    automountServiceAccountToken: z.literal(false).optional(),
    imageDigest: z.literal("required").optional(),
    allowedRegistries: z.array(z.string().min(1)).min(1).optional(),
    disallowLatestTag: z.literal(true).optional(),
    resources: z
      .strictObject({ limits: z.array(resourceName).optional(), requests: z.array(resourceName).optional() })
      .refine((r) => (r.limits?.length ?? 0) + (r.requests?.length ?? 0) > 0, {
        message: "list at least one resource name under `limits` or `requests`",
      })
      .optional(),
    forbiddenContainerPorts: z.array(z.number().int().min(1).max(65535)).min(1).optional(),
    requiredLabels: z.array(labelKey).min(1).optional(),
    cel: z
      .strictObject({
        /** Names the rule in violations and PolicyTest `violations` (default: `cel`). */
        name: dnsLabel.optional(),
        expression: z.string().min(1),
        message: z.string().min(1),
      })
      .optional(),
  })
  .superRefine(exactlyOne(WORKLOAD_RULE_NAMES, "a workload rule"));

/** An exemption: skips rules for namespaces and/or images, with an owner. */
export const exemptionSchema = z
  .strictObject({
    namespaces: z.array(glob).min(1).optional(),
    images: z.array(glob).min(1).optional(),
    rules: z.array(z.enum(WORKLOAD_RULE_NAMES)).min(1).optional(),
    owner: z.string().min(1, "an exemption needs an owner who answers for it"),
    expires: timestamp.optional(),
    reason: z.string().optional(),
  })
  .refine((e) => e.namespaces !== undefined || e.images !== undefined, {
    message: "an exemption needs `namespaces` or `images`: an exemption for everything would switch the policy off",
  });

/** `spec` of a WorkloadPolicy. */
export const workloadPolicySpecSchema = z.strictObject({
  action: z.enum(["deny", "warn", "audit"]).default("deny"),
  match: z
    .strictObject({
      namespaces: z.array(glob).min(1).optional(),
      excludeNamespaces: z.array(glob).min(1).optional(),
      namespaceLabels: labels.optional(),
      kinds: z.array(z.enum(WORKLOAD_KINDS)).min(1).optional(),
    })
    .optional(),
  exemptions: z.array(exemptionSchema).optional(),
  rules: z
    .array(workloadRuleSchema)
    .min(1, "list at least one rule")
    .superRefine((rules, ctx) => {
      const seen = new Map<string, number>();
      rules.forEach((r, i) => {
        const name = r.cel?.name;
        if (name === undefined) return;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, i);
        else
          ctx.addIssue({
            code: "custom",
            path: [i, "cel", "name"],
            message: `custom rule name \`${name}\` is already used by rule ${first} of this policy: give each custom rule its own name`,
          });
      });
    }),
});

/** A WorkloadPolicy document. */
export const workloadPolicySchema = documentSchema("WorkloadPolicy", workloadPolicySpecSchema);

/** A validated WorkloadPolicy. */
export type WorkloadPolicy = z.infer<typeof workloadPolicySchema>;
/** A validated workload rule. */
export type WorkloadRule = z.infer<typeof workloadRuleSchema>;
/** A validated exemption. */
export type Exemption = z.infer<typeof exemptionSchema>;
