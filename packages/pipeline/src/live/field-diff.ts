/** One differing field of an object: `desired` absent means the live object has an unexpected value. */
export interface FieldChange {
  /** `rules[0].verbs[2]`, `metadata.labels["rampart.dev/policy"]`. */
  readonly path: string;
  /** `changed`: both have a different value; `missing`: the live object lacks it; `unexpected`: only the live object has it. */
  readonly change: "changed" | "missing" | "unexpected";
  readonly desired?: unknown;
  readonly live?: unknown;
}

type Segment = string | number;

/** Metadata the API server sets or manages; never drift. */
const SERVER_METADATA = new Set([
  "uid",
  "resourceVersion",
  "managedFields",
  "creationTimestamp",
  "generation",
  "selfLink",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
]);

/**
 * Fields rampart owns completely: if the live object has them and the desired object does not,
 * someone added them (they have no server default). Paths as dotted strings per kind.
 */
const OWNED: Readonly<Record<string, readonly string[]>> = {
  Role: ["rules"],
  ClusterRole: ["rules", "aggregationRule"],
  RoleBinding: ["subjects", "roleRef"],
  ClusterRoleBinding: ["subjects", "roleRef"],
  NetworkPolicy: ["spec.ingress", "spec.egress"],
  ClusterNetworkPolicy: ["spec.ingress", "spec.egress"],
  AdminNetworkPolicy: ["spec.ingress", "spec.egress"],
  ValidatingAdmissionPolicy: ["spec.validations", "spec.matchConditions", "spec.auditAnnotations", "spec.variables", "spec.paramKind"],
  ValidatingAdmissionPolicyBinding: ["spec.paramRef", "spec.validationActions"],
};

/** Objects whose every field is owned (no server defaults inside): an RBAC PolicyRule. */
function strictObject(kind: string, segs: readonly Segment[]): boolean {
  return (kind === "Role" || kind === "ClusterRole") && segs.length === 2 && segs[0] === "rules" && typeof segs[1] === "number";
}

function owned(kind: string, segs: readonly Segment[]): boolean {
  const dotted = segs.join(".");
  return OWNED[kind]?.includes(dotted) ?? false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);
}

/** Renders a path: identifiers with dots, other keys in brackets, indexes in brackets. */
export function formatPath(segs: readonly Segment[]): string {
  let out = "";
  for (const s of segs) {
    if (typeof s === "number") out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function ignored(segs: readonly Segment[]): boolean {
  if (segs.length === 1) return segs[0] === "status" || segs[0] === "apiVersion" || segs[0] === "kind";
  return segs.length === 2 && segs[0] === "metadata" && SERVER_METADATA.has(String(segs[1]));
}

function walk(kind: string, desired: unknown, live: unknown, segs: Segment[], out: FieldChange[]): void {
  if (ignored(segs)) return;
  if (desired === undefined || desired === null) {
    // absent in the desired object: a server default, or (for owned fields) an addition
    if (!isEmpty(live) && owned(kind, segs)) out.push({ path: formatPath(segs), change: "unexpected", live });
    return;
  }
  if (live === undefined || live === null) {
    if (!isEmpty(desired)) out.push({ path: formatPath(segs), change: "missing", desired });
    return;
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live)) {
      out.push({ path: formatPath(segs), change: "changed", desired, live });
      return;
    }
    const n = Math.max(desired.length, live.length);
    for (let i = 0; i < n; i++) {
      if (i >= live.length) out.push({ path: formatPath([...segs, i]), change: "missing", desired: desired[i] });
      else if (i >= desired.length) out.push({ path: formatPath([...segs, i]), change: "unexpected", live: live[i] });
      else walk(kind, desired[i], live[i], [...segs, i], out);
    }
    return;
  }
  if (isPlainObject(desired)) {
    if (!isPlainObject(live)) {
      out.push({ path: formatPath(segs), change: "changed", desired, live });
      return;
    }
    for (const key of Object.keys(desired).sort()) walk(kind, desired[key], live[key], [...segs, key], out);
    const strict = strictObject(kind, segs);
    for (const key of Object.keys(live).sort()) {
      if (key in desired || isEmpty(live[key]) || ignored([...segs, key])) continue;
      if (strict || owned(kind, [...segs, key])) out.push({ path: formatPath([...segs, key]), change: "unexpected", live: live[key] });
    }
    return;
  }
  if (desired !== live) out.push({ path: formatPath(segs), change: "changed", desired, live });
}

/**
 * The fields where a live object differs from the desired one. Server-set fields (uid,
 * resourceVersion, managedFields, creationTimestamp, generation, status) are ignored, and so
 * is every field the desired object leaves out (server defaults such as a NetworkPolicy
 * port's `protocol: TCP`, annotations added by `kubectl apply`) — except fields rampart owns
 * outright (an RBAC rule's keys, a role's `rules`, a binding's `subjects`, a policy's
 * `ingress`/`egress`), where an addition is drift. Empty lists and maps equal absent ones.
 */
export function fieldDiff(desired: Record<string, unknown>, live: Record<string, unknown>): FieldChange[] {
  const kind = typeof desired.kind === "string" ? desired.kind : "";
  const out: FieldChange[] = [];
  walk(kind, desired, live, [], out);
  return out;
}
