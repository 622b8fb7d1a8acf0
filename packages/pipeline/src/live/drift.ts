import { asRecord, splitApiVersion } from "./kube-client.js";
import { fieldDiff, type FieldChange } from "./field-diff.js";

/** The label every object rampart generates carries. */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
/** The label selector of rampart's objects. */
export const MANAGED_SELECTOR = `${MANAGED_BY_LABEL}=rampart`;

/** Which object: the API group (not the version: the server may return another one), kind, namespace, name. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A desired object the cluster lacks. */
export interface MissingObject extends ObjectRef {
  /** Why, when it is more than "not created" (e.g. the cluster does not serve the API). */
  reason?: string;
}

/** A desired object whose live version differs. */
export interface ChangedObject extends ObjectRef {
  fields: FieldChange[];
}

/** The drift between a build and a cluster. Lists are sorted by kind, namespace and name. */
export interface DriftReport {
  inSync: boolean;
  counts: { desired: number; unchanged: number; missing: number; changed: number; extra: number };
  missing: MissingObject[];
  changed: ChangedObject[];
  /** Live objects labelled managed-by rampart that the build does not produce (left over from older builds, or made by hand). */
  extra: ObjectRef[];
}

/** A JSON object with `apiVersion`, `kind` and `metadata.name`. */
export type AnyObject = Record<string, unknown>;

/** The reference of an object, or undefined when it lacks an identity. */
export function refOf(o: AnyObject): ObjectRef | undefined {
  const meta = asRecord(o.metadata);
  const name = meta?.name;
  if (typeof o.apiVersion !== "string" || typeof o.kind !== "string" || typeof name !== "string") return undefined;
  const ref: ObjectRef = { apiVersion: o.apiVersion, kind: o.kind, name };
  if (typeof meta?.namespace === "string" && meta.namespace !== "") ref.namespace = meta.namespace;
  return ref;
}

/** The identity key of a reference: `group/kind/namespace/name`. */
export function refKey(ref: ObjectRef): string {
  return `${splitApiVersion(ref.apiVersion).group}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

/** `ClusterRole rampart:payments`, `RoleBinding payments/rampart:payments`. */
export function formatRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
}

function compareRefs(a: ObjectRef, b: ObjectRef): number {
  const ka = `${a.kind}\0${a.namespace ?? ""}\0${a.name}\0${a.apiVersion}`;
  const kb = `${b.kind}\0${b.namespace ?? ""}\0${b.name}\0${b.apiVersion}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function isManaged(o: AnyObject): boolean {
  return asRecord(asRecord(o.metadata)?.labels)?.[MANAGED_BY_LABEL] === "rampart";
}

/**
 * Classifies the desired objects of a build against what the cluster holds: `live` are the
 * objects read from the cluster (those labelled managed-by rampart, plus desired objects found
 * by name without the label); `unserved` maps a desired object's key to why its API is not
 * available. A live object with the label that the build does not produce is extra.
 */
export function classifyDrift(desired: readonly AnyObject[], live: readonly AnyObject[], unserved: ReadonlyMap<string, string> = new Map()): DriftReport {
  const liveByKey = new Map<string, AnyObject>();
  for (const o of live) {
    const ref = refOf(o);
    if (ref) liveByKey.set(refKey(ref), o);
  }
  const desiredKeys = new Set<string>();
  const report: DriftReport = { inSync: true, counts: { desired: 0, unchanged: 0, missing: 0, changed: 0, extra: 0 }, missing: [], changed: [], extra: [] };
  for (const d of desired) {
    const ref = refOf(d);
    if (!ref) continue;
    const key = refKey(ref);
    if (desiredKeys.has(key)) continue;
    desiredKeys.add(key);
    report.counts.desired++;
    const l = liveByKey.get(key);
    if (!l) {
      const reason = unserved.get(key);
      report.missing.push(reason === undefined ? ref : { ...ref, reason });
      continue;
    }
    const fields = fieldDiff(d, l);
    if (fields.length === 0) report.counts.unchanged++;
    else report.changed.push({ ...ref, fields });
  }
  for (const [key, o] of liveByKey) {
    const ref = refOf(o);
    if (ref && !desiredKeys.has(key) && isManaged(o)) report.extra.push(ref);
  }
  report.missing.sort(compareRefs);
  report.changed.sort(compareRefs);
  report.extra.sort(compareRefs);
  report.counts.missing = report.missing.length;
  report.counts.changed = report.changed.length;
  report.counts.extra = report.extra.length;
  report.inSync = report.missing.length + report.changed.length + report.extra.length === 0;
  return report;
}

function show(v: unknown): string {
  const text = v === undefined ? "absent" : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The text lines of a report: one line per object, indented lines for its fields (at most `maxFields` each). */
export function formatDrift(report: DriftReport, maxFields = 20): string[] {
  const lines: string[] = [];
  for (const m of report.missing) lines.push(`missing     ${formatRef(m)}${m.reason ? ` (${m.reason})` : ""}`);
  for (const c of report.changed) {
    lines.push(`changed     ${formatRef(c)}`);
    for (const f of c.fields.slice(0, maxFields)) {
      if (f.change === "missing") lines.push(`              ${f.path}: missing in the cluster (want ${show(f.desired)})`);
      else if (f.change === "unexpected") lines.push(`              ${f.path}: unexpected in the cluster (${show(f.live)})`);
      else lines.push(`              ${f.path}: want ${show(f.desired)}, cluster has ${show(f.live)}`);
    }
    if (c.fields.length > maxFields) lines.push(`              … and ${c.fields.length - maxFields} more fields (see \`-o json\`)`);
  }
  for (const e of report.extra) lines.push(`extra       ${formatRef(e)}`);
  return lines;
}
