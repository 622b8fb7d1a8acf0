import type * as z from "zod";
import type { BuiltinResourceName } from "../inventory/builtin-v1.35.js";
import { API_VERSION } from "../schema/common.js";
import type { KNOWN_VERBS } from "../schema/access-policy.js";
import type { policyTestSpecSchema } from "../schema/policy-test.js";
import type { clusterSpecSchema } from "../schema/cluster.js";
import type { inventorySpecSchema } from "../schema/inventory.js";
import type { trafficPolicySpecSchema } from "../schema/traffic-policy.js";
import type { exemptionSchema, WORKLOAD_KINDS } from "../schema/workload-policy.js";

/** A Kubernetes verb rampart knows, or `*`. */
export type Verb = (typeof KNOWN_VERBS)[number] | "*";

declare const customResource: unique symbol;
/** A resource string outside the built-in inventory (a CRD), made with `crd()`. */
export type CustomResourceName = string & { readonly [customResource]: true };

/** A resource entry: a built-in one (autocompleted) or a `crd()` one. */
export type ResourceName = BuiltinResourceName | CustomResourceName;

/** Marks a CRD resource entry like `widgets.example.com` or `widgets.example.com/status`. */
export function crd(resource: `${string}.${string}`): CustomResourceName {
  return resource as CustomResourceName;
}

/** A subject of an AccessPolicy. */
export type SubjectInput = { user: string } | { group: string } | { serviceAccount: `${string}/${string}` };

/** Fields shared by allow and deny rules. */
export interface AccessRuleInput {
  verbs: readonly Verb[];
  resources?: readonly ResourceName[];
  nonResourceURLs?: readonly `/${string}`[];
  namespaces?: readonly string[];
  names?: readonly string[];
  /** RFC 3339 timestamp or Date at which the rule stops applying. */
  expires?: string | Date;
  reason?: string;
}

/** An access rule as the builders produce it. */
export type BuiltAccessRule = Omit<AccessRuleInput, "expires"> & { effect: "allow" | "deny"; expires?: string };

function rule(effect: "allow" | "deny", input: AccessRuleInput): BuiltAccessRule {
  const { expires, ...rest } = input;
  const out: BuiltAccessRule = { effect, ...rest };
  if (expires !== undefined) out.expires = typeof expires === "string" ? expires : expires.toISOString();
  return out;
}

/** An allow rule. */
export const allow = (input: AccessRuleInput): BuiltAccessRule => rule("allow", input);
/** A deny rule: a matching deny always wins. */
export const deny = (input: AccessRuleInput): BuiltAccessRule => rule("deny", input);

/** A document as the builders produce it (validated when loaded). */
export interface BuiltDocument<K extends string, S> {
  apiVersion: typeof API_VERSION;
  kind: K;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: S;
}

const envelope = <K extends string, S>(kind: K, name: string, spec: S): BuiltDocument<K, S> => ({
  apiVersion: API_VERSION,
  kind,
  metadata: { name },
  spec,
});

/** Builds an AccessPolicy document. */
export function accessPolicy(name: string, spec: { subjects: readonly SubjectInput[]; clusters?: Record<string, string>; rules: readonly BuiltAccessRule[] }) {
  return envelope("AccessPolicy", name, spec);
}

/** One workload rule: exactly one of the catalogue's rules. */
export type WorkloadRuleInput =
  | { podSecurity: "baseline" | "restricted" }
  | { readOnlyRootFilesystem: true }
  | { automountServiceAccountToken: false }
  | { imageDigest: "required" }
  | { allowedRegistries: readonly string[] }
  | { disallowLatestTag: true }
  | { resources: { limits?: readonly string[]; requests?: readonly string[] } }
  | { forbiddenContainerPorts: readonly number[] }
  | { requiredLabels: readonly string[] }
  | { cel: { name?: string; expression: string; message: string } };

/** Builds a WorkloadPolicy document. */
export function workloadPolicy(
  name: string,
  spec: {
    action?: "deny" | "warn" | "audit";
    match?: {
      namespaces?: readonly string[];
      excludeNamespaces?: readonly string[];
      namespaceLabels?: Record<string, string>;
      kinds?: readonly (typeof WORKLOAD_KINDS)[number][];
    };
    exemptions?: readonly z.input<typeof exemptionSchema>[];
    rules: readonly WorkloadRuleInput[];
  },
) {
  return envelope("WorkloadPolicy", name, spec);
}

/** Builds a TrafficPolicy document. */
export function trafficPolicy(name: string, spec: z.input<typeof trafficPolicySpecSchema>) {
  return envelope("TrafficPolicy", name, spec);
}

/** Builds a Cluster document. */
export function cluster(name: string, spec: z.input<typeof clusterSpecSchema> = {}) {
  return envelope("Cluster", name, spec);
}

/** Builds an Inventory document. */
export function inventory(name: string, spec: z.input<typeof inventorySpecSchema>) {
  return envelope("Inventory", name, spec);
}

/** Builds a PolicyTest document. */
export function policyTest(name: string, spec: z.input<typeof policyTestSpecSchema>) {
  return envelope("PolicyTest", name, spec);
}

/** Groups documents into a set, the shape a `.ts` policy module default-exports. */
export function defineDocuments<T extends readonly object[]>(...documents: T): { documents: T } {
  return { documents };
}
