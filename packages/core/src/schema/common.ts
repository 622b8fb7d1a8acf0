import * as z from "zod";
import { globError } from "../glob.js";

/** The API version of every rampart document. */
export const API_VERSION = "rampart.dev/v1alpha1";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label (names of documents and namespaces). */
export const dnsLabel = z
  .string()
  .max(63, "a name must be at most 63 characters")
  .regex(DNS_LABEL, "must be a DNS-1123 label: lowercase letters, digits and `-`, starting and ending with a letter or digit");

/** A glob with `*` and `?` only. */
export const glob = z.string().superRefine((value, ctx) => {
  const error = globError(value);
  if (error) ctx.addIssue({ code: "custom", message: `invalid pattern \`${value}\`: ${error}` });
});

/** True when `key` is a valid Kubernetes label key (`[prefix/]name`). */
export function isLabelKey(key: string): boolean {
  const slash = key.indexOf("/");
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !LABEL_PREFIX.test(prefix))) return false;
  return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

/** True when `value` is a valid Kubernetes label value. */
export function isLabelValue(value: string): boolean {
  return value === "" || (value.length <= 63 && LABEL_NAME.test(value));
}

/** A label key. */
export const labelKey = z.string().refine(isLabelKey, {
  message: "must be a Kubernetes label key: an optional DNS prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`",
});

/** A label map `{key: value}` as used by selectors and tags. */
export const labels = z.record(
  labelKey,
  z.string().refine(isLabelValue, {
    message: "must be a Kubernetes label value: at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit",
  }),
);

/** A point in time: an RFC 3339 timestamp or a date (midnight UTC). */
export const timestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2}))?$/,
    "must be a date `YYYY-MM-DD` or an RFC 3339 timestamp like `2026-12-31T18:00:00Z`",
  )
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: "is not a valid date" });

/** Parses a validated timestamp into epoch milliseconds (dates are midnight UTC). */
export function timestampMillis(value: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** `metadata` of a rampart document. */
export const metadata = z.strictObject({
  name: dnsLabel,
  labels: labels.optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

/** Builds the envelope schema of a document kind around its spec schema. */
export function documentSchema<K extends string, S extends z.ZodType>(kind: K, spec: S) {
  return z.strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(kind),
    metadata,
    spec,
  });
}

/** Requires exactly one of `keys` to be set on an object. */
export function exactlyOne(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const present = keys.filter((k) => value[k] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          present.length === 0
            ? `${what} needs one of ${keys.map((k) => `\`${k}\``).join(", ")}`
            : `${what} takes exactly one of ${keys.map((k) => `\`${k}\``).join(", ")}, found ${present.map((k) => `\`${k}\``).join(" and ")}`,
      });
    }
  };
}
