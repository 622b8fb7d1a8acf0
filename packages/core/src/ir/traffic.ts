// The normalised TrafficPolicy model that compilers consume.
// Compilers import this IR, never the zod schemas or YAML: peers are a tagged union, ports are
// parsed (protocol defaults to TCP), CIDRs are parsed, the local/remote sides are resolved by
// direction, and every rule keeps its position.
import { parseCidr, type Cidr } from "../cidr.js";
import type { SourcePosition } from "../diagnostics.js";
import { documentsOfKind, positionOf, type RampartDocument } from "../documents.js";
import { compileGlob } from "../glob.js";
import type { Peer, TrafficRule } from "../schema/traffic-policy.js";

/** A traffic direction, seen from the governed (local) pod. */
export type TrafficDirection = "ingress" | "egress";
/** A transport protocol NetworkPolicy knows. */
export type TrafficProtocol = "TCP" | "UDP" | "SCTP";

/** A parsed `ports` entry: a number or range, or a named port (resolved on the destination pod). */
export type TrafficPortIR =
  | { readonly kind: "range"; readonly protocol: TrafficProtocol; readonly from: number; readonly to: number }
  | { readonly kind: "named"; readonly protocol: TrafficProtocol; readonly name: string };

/** Which namespaces a pod peer reaches. */
export type TrafficNamespaceIR =
  { readonly kind: "same" } | { readonly kind: "name"; readonly name: string } | { readonly kind: "labels"; readonly labels: Readonly<Record<string, string>> };

/** A remote peer of a rule. */
export type TrafficPeerIR =
  | { readonly kind: "pods"; readonly namespace: TrafficNamespaceIR; readonly pods: Readonly<Record<string, string>>; readonly source: SourcePosition }
  | { readonly kind: "cidr"; readonly cidr: Cidr; readonly source: SourcePosition }
  | { readonly kind: "dns"; readonly source: SourcePosition };

/** A normalised allow or deny rule. */
export interface TrafficRuleIR {
  readonly policy: string;
  readonly effect: "allow" | "deny";
  /** 0-based index in `spec.allow` / `spec.deny` (synthetic rules: -1). */
  readonly index: number;
  readonly direction: TrafficDirection;
  /** Labels the local pods must carry (`{}`: every pod of the governed namespaces). */
  readonly local: Readonly<Record<string, string>>;
  /** Remote peers; undefined: everything (every pod and every external address). */
  readonly remote: readonly TrafficPeerIR[] | undefined;
  /** Ports; undefined: every port of every protocol. */
  readonly ports: readonly TrafficPortIR[] | undefined;
  readonly source: SourcePosition;
}

/** A `namespaces` glob of a TrafficPolicy and the known namespaces it matched. */
export interface TrafficNamespaceGlobIR {
  readonly glob: string;
  /** Sorted. */
  readonly matched: readonly string[];
  readonly source: SourcePosition;
}

/** `spec.namespaceLabels` of a TrafficPolicy and the known namespaces that carry the labels. */
export interface TrafficNamespaceLabelsIR {
  /** matchLabels semantics: a governed namespace carries every one (`kubernetes.io/metadata.name` is implied on each). */
  readonly labels: Readonly<Record<string, string>>;
  /** Known namespaces carrying the labels (and, with `spec.namespaces`, matching a name or glob), sorted. */
  readonly matched: readonly string[];
  /** True when the known namespaces carry any label besides their name (an inventory that records labels). */
  readonly labelsKnown: boolean;
  /** Without `spec.namespaces`: namespaces that are not known (created later) are governed by their labels too. */
  readonly later: boolean;
  readonly source: SourcePosition;
}

/** A normalised TrafficPolicy. */
export interface TrafficPolicyIR {
  readonly name: string;
  /** Governed known namespaces (names as written, globs expanded, label selectors applied), sorted, without duplicates. */
  readonly namespaces: readonly string[];
  /** The globs of `spec.namespaces`, with what each matched. */
  readonly namespaceGlobs: readonly TrafficNamespaceGlobIR[];
  /** `spec.namespaceLabels`, with what it matched; undefined when the policy governs by name only. */
  readonly namespaceLabels: TrafficNamespaceLabelsIR | undefined;
  readonly defaultDeny: { readonly ingress: boolean; readonly egress: boolean };
  readonly allow: readonly TrafficRuleIR[];
  readonly deny: readonly TrafficRuleIR[];
  readonly source: SourcePosition;
}

/** Options of `normaliseTraffic`. */
export interface NormaliseTrafficOptions {
  /** Add to every policy an egress deny of the cloud metadata endpoints (`METADATA_CIDRS`). */
  readonly blockMetadata?: boolean;
  /**
   * The cluster's namespaces, which `spec.namespaces` globs expand against (e.g. the inventory's).
   * Default: the namespaces of the Inventory documents in the set.
   */
  readonly namespaces?: readonly string[];
  /**
   * Recorded labels of the known namespaces (`kubernetes.io/metadata.name` implied), which
   * `spec.namespaceLabels` match. Default: the `namespaceLabels` of the Inventory documents in the set.
   */
  readonly namespaceLabels?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** The label Kubernetes sets on every namespace to its name. */
const NAME_LABEL = "kubernetes.io/metadata.name";

/** A namespace's labels with the implied `kubernetes.io/metadata.name`. */
export function namespaceLabelsOf(namespace: string, recorded: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return { ...(recorded ?? {}), [NAME_LABEL]: namespace };
}

/** matchLabels semantics: `labels` carries every key of `selector` with its value. */
export function matchesLabels(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v);
}

/** The cloud metadata endpoints (AWS/GCP/Azure IPv4, AWS IPv6). */
export const METADATA_CIDRS = ["169.254.169.254/32", "fd00:ec2::254/128"] as const;

const PORT = /^(?:(\d+)(?:-(\d+))?|([a-z0-9-]+))(?:\/(TCP|UDP|SCTP))?$/;

/** Parses a validated port entry: `8080`, `8080/UDP`, `9000-9100/TCP`, `http`, `dns/UDP`. */
export function parseTrafficPort(entry: string | number): TrafficPortIR {
  const m = PORT.exec(String(entry));
  const protocol = (m?.[4] ?? "TCP") as TrafficProtocol;
  if (m?.[1] !== undefined) return { kind: "range", protocol, from: Number(m[1]), to: Number(m[2] ?? m[1]) };
  return { kind: "named", protocol, name: m?.[3] ?? String(entry) };
}

function cidrOf(text: string): Cidr {
  const c = parseCidr(text);
  if ("error" in c) throw new Error(`normaliseTraffic: unvalidated CIDR \`${text}\`: ${c.error}`);
  return c;
}

function peerOf(peer: Peer, source: SourcePosition): TrafficPeerIR {
  if (peer.cidr !== undefined) return { kind: "cidr", cidr: cidrOf(peer.cidr), source };
  if (peer.dns) return { kind: "dns", source };
  const namespace: TrafficNamespaceIR =
    peer.namespace !== undefined
      ? { kind: "name", name: peer.namespace }
      : peer.namespaceLabels !== undefined
        ? { kind: "labels", labels: { ...peer.namespaceLabels } }
        : { kind: "same" };
  return { kind: "pods", namespace, pods: { ...(peer.pods ?? {}) }, source };
}

function ruleOf(doc: RampartDocument, effect: "allow" | "deny", rule: TrafficRule, index: number): TrafficRuleIR {
  const path = ["spec", effect, index];
  const remoteKey = rule.direction === "ingress" ? "from" : "to";
  const local = (rule.direction === "ingress" ? rule.to : rule.from) as { pods?: Record<string, string> } | undefined;
  const remote = (rule.direction === "ingress" ? rule.from : rule.to) as Peer[] | undefined;
  return {
    policy: doc.metadata.name,
    effect,
    index,
    direction: rule.direction,
    local: { ...(local?.pods ?? {}) },
    remote: remote?.map((p, k) => peerOf(p, positionOf(doc, [...path, remoteKey, k]))),
    ports: rule.ports?.map(parseTrafficPort),
    source: positionOf(doc, path),
  };
}

/**
 * Normalises the TrafficPolicies of validated documents (sorted by name). With `blockMetadata`,
 * every policy also denies egress to `METADATA_CIDRS` (a synthetic rule with index -1).
 */
export function normaliseTraffic(documents: readonly RampartDocument[], options: NormaliseTrafficOptions = {}): TrafficPolicyIR[] {
  const policies = documentsOfKind(documents, "TrafficPolicy");
  const inventories = documentsOfKind(documents, "Inventory");
  const recorded = options.namespaceLabels ?? new Map(inventories.flatMap((d) => Object.entries(d.spec.namespaceLabels ?? {})));
  const known = [
    ...new Set(options.namespaces ?? inventories.flatMap((d) => [...(d.spec.namespaces ?? []), ...Object.keys(d.spec.namespaceLabels ?? {})])),
  ].sort();
  const labelsKnown = known.some((ns) => Object.keys(recorded.get(ns) ?? {}).some((k) => k !== NAME_LABEL));
  return policies
    .map((doc): TrafficPolicyIR => {
      const source = positionOf(doc, []);
      const deny = (doc.spec.deny ?? []).map((r, i) => ruleOf(doc, "deny", r, i));
      if (options.blockMetadata) {
        deny.push({
          policy: doc.metadata.name,
          effect: "deny",
          index: -1,
          direction: "egress",
          local: {},
          remote: METADATA_CIDRS.map((c) => ({ kind: "cidr", cidr: cidrOf(c), source })),
          ports: undefined,
          source,
        });
      }
      const dd = doc.spec.defaultDeny ?? [];
      const written = doc.spec.namespaces ?? [];
      const namespaceGlobs = written.flatMap((n, i) => {
        if (!/[*?]/.test(n)) return [];
        const g = compileGlob(n);
        return [{ glob: n, matched: known.filter((ns) => g.test(ns)), source: positionOf(doc, ["spec", "namespaces", i]) }];
      });
      const named = [...new Set([...written.filter((n) => !/[*?]/.test(n)), ...namespaceGlobs.flatMap((g) => g.matched)])].sort();
      const selector = doc.spec.namespaceLabels;
      // Only label selectors reach namespaces the inventory does not list; with names too, the names bound them.
      const candidates = doc.spec.namespaces === undefined ? known : named;
      const namespaceLabels: TrafficNamespaceLabelsIR | undefined =
        selector === undefined
          ? undefined
          : {
              labels: { ...selector },
              matched: candidates.filter((ns) => matchesLabels(selector, namespaceLabelsOf(ns, recorded.get(ns)))),
              labelsKnown,
              later: doc.spec.namespaces === undefined,
              source: positionOf(doc, ["spec", "namespaceLabels"]),
            };
      return {
        name: doc.metadata.name,
        namespaces: namespaceLabels ? [...namespaceLabels.matched] : named,
        namespaceGlobs,
        namespaceLabels,
        defaultDeny: { ingress: dd.includes("ingress"), egress: dd.includes("egress") },
        allow: (doc.spec.allow ?? []).map((r, i) => ruleOf(doc, "allow", r, i)),
        deny,
        source,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * True when `policy` governs `namespace`: a known namespace it names or matched, or, when
 * `laterLabels` are given (the labels of a namespace the build's inventory did not list), a
 * namespace created later whose labels carry the policy's `namespaceLabels` (label-only policies).
 */
export function trafficGoverns(policy: TrafficPolicyIR, namespace: string, laterLabels?: Readonly<Record<string, string>>): boolean {
  if (policy.namespaces.includes(namespace)) return true;
  const sel = policy.namespaceLabels;
  return laterLabels !== undefined && sel !== undefined && sel.later && matchesLabels(sel.labels, namespaceLabelsOf(namespace, laterLabels));
}

/** True when some policy governing `namespace` makes `direction` default-deny there. */
export function trafficIsolated(policies: readonly TrafficPolicyIR[], namespace: string, direction: TrafficDirection): boolean {
  return policies.some((p) => p.defaultDeny[direction] && p.namespaces.includes(namespace));
}
