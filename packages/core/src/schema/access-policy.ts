import * as z from "zod";
import { parseResourceRef } from "../resource-ref.js";
import { documentSchema, exactlyOne, glob, labels, timestamp } from "./common.js";

/** Verbs that Kubernetes' built-in authorizers know; custom verbs are allowed too. */
export const KNOWN_VERBS = [
  "get",
  "list",
  "watch",
  "create",
  "update",
  "patch",
  "delete",
  "deletecollection",
  "bind",
  "escalate",
  "impersonate",
  "approve",
  "sign",
  "use",
  "attest",
  "post",
  "put",
  "head",
  "options",
] as const;

const verb = z.string().regex(/^(\*|[a-z]+)$/, "must be a lowercase Kubernetes verb such as `get` or `list`, or `*`");

const resource = z.string().superRefine((value, ctx) => {
  const parsed = parseResourceRef(value);
  if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
});

const nonResourceURL = z.string().regex(/^(\/[\x21-\x7e]*|\*)$/, "must be a non-resource URL path starting with `/` (globs `*` and `?` allowed)");

const serviceAccount = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/, "must be `<namespace>/<name>` of a ServiceAccount, e.g. `ci/deployer`");

/** One subject: a user, a group or a ServiceAccount. */
export const subjectSchema = z
  .strictObject({
    user: z.string().min(1).optional(),
    group: z.string().min(1).optional(),
    serviceAccount: serviceAccount.optional(),
  })
  .superRefine(exactlyOne(["user", "group", "serviceAccount"], "a subject"));

/** One access rule. */
export const accessRuleSchema = z
  .strictObject({
    effect: z.enum(["allow", "deny"]),
    verbs: z.array(verb).min(1, "list at least one verb, or `*`"),
    resources: z.array(resource).min(1).optional(),
    nonResourceURLs: z.array(nonResourceURL).min(1).optional(),
    namespaces: z.array(glob).min(1).optional(),
    names: z.array(glob).min(1).optional(),
    expires: timestamp.optional(),
    reason: z.string().optional(),
  })
  .superRefine((rule, ctx) => {
    exactlyOne(["resources", "nonResourceURLs"], "an access rule")(rule, ctx);
    if (rule.nonResourceURLs && (rule.namespaces || rule.names)) {
      ctx.addIssue({
        code: "custom",
        message: "a rule with `nonResourceURLs` cannot have `namespaces` or `names`: non-resource URLs are not namespaced objects",
      });
    }
  });

/** `spec` of an AccessPolicy. */
export const accessPolicySpecSchema = z.strictObject({
  subjects: z.array(subjectSchema).min(1, "list at least one subject"),
  clusters: labels.optional(),
  rules: z.array(accessRuleSchema).min(1, "list at least one rule"),
});

/** An AccessPolicy document. */
export const accessPolicySchema = documentSchema("AccessPolicy", accessPolicySpecSchema);

/** A validated AccessPolicy. */
export type AccessPolicy = z.infer<typeof accessPolicySchema>;
/** A validated access rule. */
export type AccessRule = z.infer<typeof accessRuleSchema>;
/** A validated subject. */
export type Subject = z.infer<typeof subjectSchema>;
