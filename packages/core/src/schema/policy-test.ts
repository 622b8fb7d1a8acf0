import * as z from "zod";
import { dnsLabel, documentSchema, labels } from "./common.js";

/** An access request as written in a PolicyTest or a batch file (missing fields are empty). */
export const requestSchema = z.strictObject({
  user: z.string().default(""),
  groups: z.array(z.string()).default([]),
  verb: z.string().min(1),
  apiGroup: z.string().default(""),
  resource: z.string().default(""),
  subresource: z.string().default(""),
  namespace: z.string().default(""),
  name: z.string().default(""),
  nonResourceURL: z.string().default(""),
  cluster: z.string().default(""),
});

const expect = z.enum(["allow", "deny"]);

const endpoint = z.union([z.strictObject({ namespace: dnsLabel, pods: labels.optional() }), z.strictObject({ ip: z.string().min(1) })]);

/** `spec` of a PolicyTest. */
export const policyTestSpecSchema = z.strictObject({
  access: z.array(z.strictObject({ request: requestSchema, expect })).optional(),
  admission: z
    .array(
      z
        .strictObject({
          file: z.string().min(1).optional(),
          object: z.record(z.string(), z.unknown()).optional(),
          namespaceLabels: labels.optional(),
          expect: z.enum(["allow", "deny", "warn"]),
          violations: z.array(z.string()).optional(),
        })
        .refine((c) => (c.file === undefined) !== (c.object === undefined), {
          message: "an admission case takes exactly one of `file` or `object`",
        }),
    )
    .optional(),
  traffic: z
    .array(
      z.strictObject({
        from: endpoint,
        to: endpoint,
        port: z.union([z.number().int(), z.string()]),
        expect,
      }),
    )
    .optional(),
});

/** A PolicyTest document. */
export const policyTestSchema = documentSchema("PolicyTest", policyTestSpecSchema);

/** A validated PolicyTest. */
export type PolicyTest = z.infer<typeof policyTestSchema>;
