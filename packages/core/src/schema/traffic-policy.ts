import * as z from "zod";
import { parseCidr } from "../cidr.js";
import { dnsLabel, documentSchema, labels } from "./common.js";

const cidr = z.string().superRefine((value, ctx) => {
  const parsed = parseCidr(value);
  if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
});

const PORT = /^(?:(\d{1,5})(?:-(\d{1,5}))?(?:\/(TCP|UDP|SCTP))?|([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?:\/(TCP|UDP|SCTP))?)$/;

/** Returns why a port entry is invalid, or undefined. */
export function portError(value: string | number): string | undefined {
  const text = String(value);
  const m = PORT.exec(text);
  if (!m) {
    return `\`${text}\` is not a port: expected a number (\`8080\`), a range (\`9000-9100/TCP\`) or a named port (\`http\`), optionally with \`/TCP\`, \`/UDP\` or \`/SCTP\``;
  }
  if (m[1] !== undefined) {
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || from > 65535 || to < 1 || to > 65535) return `\`${text}\`: ports are 1 to 65535`;
    if (to < from) return `\`${text}\`: a port range must not end before it starts`;
  } else if ((m[4] ?? "").length > 15 || !/[a-z]/.test(m[4] ?? "")) {
    return `\`${text}\`: a named port is at most 15 lowercase letters, digits and \`-\`, with at least one letter`;
  }
  return undefined;
}

const port = z.union([z.number().int(), z.string()]).superRefine((value, ctx) => {
  const error = portError(value);
  if (error) ctx.addIssue({ code: "custom", message: error });
});

/** A remote peer of a traffic rule. */
export const peerSchema = z
  .strictObject({
    namespace: dnsLabel.optional(),
    namespaceLabels: labels.optional(),
    pods: labels.optional(),
    cidr: cidr.optional(),
    dns: z.literal(true).optional(),
  })
  .superRefine((p, ctx) => {
    const set = Object.keys(p).filter((k) => p[k as keyof typeof p] !== undefined);
    const ok =
      (set.length === 1 && (set[0] === "cidr" || set[0] === "dns")) ||
      (set.every((k) => k === "namespace" || k === "namespaceLabels" || k === "pods") &&
        set.length > 0 &&
        !(p.namespace !== undefined && p.namespaceLabels !== undefined));
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        message:
          "a peer is one of `{namespace, pods}`, `{namespaceLabels, pods}`, `{pods}`, `{cidr}` or `{dns: true}`; found " +
          (set.length ? set.map((k) => `\`${k}\``).join(", ") : "nothing"),
      });
    }
  });

/** The local side of a traffic rule: pods in the governed namespaces. */
export const localSchema = z.strictObject({ pods: labels.optional() });

const ports = z.array(port).min(1).optional();

/** One traffic rule (allow or deny), by direction. */
export const trafficRuleSchema = z.discriminatedUnion("direction", [
  z.strictObject({ direction: z.literal("ingress"), to: localSchema.optional(), from: z.array(peerSchema).min(1).optional(), ports }),
  z.strictObject({ direction: z.literal("egress"), from: localSchema.optional(), to: z.array(peerSchema).min(1).optional(), ports }),
]);

/** A governed namespace: a DNS-1123 label, or a glob (`team-*`) over the inventory's namespaces. */
const governedNamespace = z.string().superRefine((value, ctx) => {
  if (!/[*?]/.test(value)) {
    const r = dnsLabel.safeParse(value);
    if (!r.success) ctx.addIssue({ code: "custom", message: r.error.issues[0]!.message });
  } else if (value.length > 63 || !/^[a-z0-9*?-]+$/.test(value)) {
    ctx.addIssue({
      code: "custom",
      message: `invalid namespace pattern \`${value}\`: use lowercase letters, digits, \`-\`, \`*\` (any run of characters) and \`?\` (one character)`,
    });
  }
});

/**
 * `spec` of a TrafficPolicy. It governs the namespaces `namespaces` names (globs expand from the
 * inventory), or those carrying every label of `namespaceLabels`; with both, a namespace must match
 * a name or glob and carry the labels.
 */
export const trafficPolicySpecSchema = z
  .strictObject({
    namespaces: z.array(governedNamespace).min(1, "list the namespaces this policy governs").optional(),
    namespaceLabels: labels
      .refine((l) => Object.keys(l).length > 0, { message: 'give at least one label; to govern every namespace, write `namespaces: ["*"]`' })
      .optional(),
    defaultDeny: z.array(z.enum(["ingress", "egress"])).optional(),
    allow: z.array(trafficRuleSchema).optional(),
    deny: z.array(trafficRuleSchema).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.namespaces === undefined && spec.namespaceLabels === undefined) {
      ctx.addIssue({
        code: "custom",
        message:
          'a TrafficPolicy needs the namespaces it governs: `namespaces` (names or globs, e.g. `[team-a, "team-a-*"]`) or `namespaceLabels` (labels every governed namespace carries, e.g. `{ tier: apps }`)',
      });
    }
  });

/** A TrafficPolicy document. */
export const trafficPolicySchema = documentSchema("TrafficPolicy", trafficPolicySpecSchema);

/** A validated TrafficPolicy. */
export type TrafficPolicy = z.infer<typeof trafficPolicySchema>;
/** A validated traffic rule. */
export type TrafficRule = z.infer<typeof trafficRuleSchema>;
/** A validated remote peer. */
export type Peer = z.infer<typeof peerSchema>;
