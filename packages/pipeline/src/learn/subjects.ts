import type { Subject } from "@rampart/core";

/** Whom a learned policy is for: one user, one ServiceAccount, or a group pooled with `--by-group`. */
export type LearnedSubject = { kind: "user"; name: string } | { kind: "serviceAccount"; namespace: string; name: string } | { kind: "group"; name: string };

const SA_PREFIX = "system:serviceaccount:";

/** The subject a request is learned for: the first `byGroup` group the user is in, else the user or ServiceAccount. */
export function subjectOf(user: string, groups: readonly string[], byGroup: readonly string[]): LearnedSubject {
  for (const g of byGroup) if (groups.includes(g)) return { kind: "group", name: g };
  if (user.startsWith(SA_PREFIX)) {
    const rest = user.slice(SA_PREFIX.length);
    const colon = rest.indexOf(":");
    if (colon > 0 && colon < rest.length - 1 && !rest.includes(":", colon + 1))
      return { kind: "serviceAccount", namespace: rest.slice(0, colon), name: rest.slice(colon + 1) };
  }
  return { kind: "user", name: user };
}

/** A stable key of a subject (also its sort order). */
export function subjectKey(s: LearnedSubject): string {
  return s.kind === "serviceAccount" ? `serviceAccount:${s.namespace}/${s.name}` : `${s.kind}:${s.name}`;
}

/** The AccessPolicy subject entry. */
export function policySubject(s: LearnedSubject): Subject {
  if (s.kind === "serviceAccount") return { serviceAccount: `${s.namespace}/${s.name}` } as Subject;
  return (s.kind === "group" ? { group: s.name } : { user: s.name }) as Subject;
}

/** A human-readable label: `ServiceAccount ci/deployer`, `User alice`, `Group team-a`. */
export function subjectLabel(s: LearnedSubject): string {
  return s.kind === "serviceAccount" ? `ServiceAccount ${s.namespace}/${s.name}` : s.kind === "group" ? `Group ${s.name}` : `User ${s.name}`;
}

/** True when a request by `user` with `groups` is one the subject's policy applies to (SPEC's subject matching). */
export function subjectMatches(s: LearnedSubject, user: string, groups: readonly string[]): boolean {
  if (s.kind === "group") return groups.includes(s.name);
  if (s.kind === "user") return user === s.name;
  return user === `${SA_PREFIX}${s.namespace}:${s.name}`;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A DNS-1123 label derived from the subject: `sa-ci-deployer`, `user-alice-example-com`, `group-team-a`. */
export function baseName(s: LearnedSubject): string {
  const raw = s.kind === "serviceAccount" ? `sa-${s.namespace}-${s.name}` : `${s.kind}-${s.name}`;
  const clean = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  // Keep it a label (≤ 63): long names are cut and made unique by a hash of the full subject.
  return clean.length <= 63 ? clean : `${clean.slice(0, 54).replace(/-$/, "")}-${fnv1a(subjectKey(s))}`;
}

/** Unique DNS-1123 names for subjects sorted by key: a clash gets `-2`, `-3`, … (within 63 characters). */
export function policyNames(subjects: readonly LearnedSubject[]): string[] {
  const used = new Set<string>();
  return subjects.map((s) => {
    const base = baseName(s);
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base.slice(0, 63 - String(i).length - 1).replace(/-$/, "")}-${i}`;
    used.add(name);
    return name;
  });
}
