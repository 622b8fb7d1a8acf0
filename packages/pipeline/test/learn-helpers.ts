import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInventory, type AccessRequest, type Evaluator, type Inventory } from "@rampart/core";
import type { AuditRecord } from "@rampart/pipeline";
import { REPO_ROOT } from "../../../test-support/conformance.js";

/** A fresh directory inside the repository (TypeScript output resolves `@rampart/core` from there). */
export function tempDir(): string {
  mkdirSync(join(REPO_ROOT, ".tmp"), { recursive: true });
  return mkdtempSync(join(REPO_ROOT, ".tmp", "learn-"));
}

/** Writes log lines into a file of a fresh directory; returns its path. */
export function writeLog(lines: readonly string[], name = "audit.jsonl"): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

const SEP = "\u0000";
const resOf = (r: AuditRecord) => `${r.resource}.${r.apiGroup}/${r.subresource}`;

/**
 * Requests next to what a subject was allowed that it never did: another verb, another
 * namespace, another name, `pods/exec` on a pod it only read. The learned policies must deny every one.
 * `subjectOf` maps a record to its policy's subject key (so pooled users share observations).
 */
export function probes(records: readonly AuditRecord[], subjectOf: (r: AuditRecord) => string, inventory: Inventory = createInventory()): AccessRequest[] {
  const observed = new Set<string>();
  const nsKey = (r: { apiGroup: string; resource: string; namespace: string }) => {
    const known = inventory.resource(r.apiGroup, r.resource);
    return known && !known.namespaced ? "" : r.namespace === "" ? (known ? "*" : "") : r.namespace;
  };
  const kept = records.filter((r) => r.outcome === "allowed" && r.nonResourceURL === "");
  for (const r of kept) observed.add([subjectOf(r), r.verb, resOf(r), nsKey(r)].join(SEP));
  const used = (s: string, verb: string, res: string, ns: string) => observed.has([s, verb, res, ns].join(SEP)) || observed.has([s, verb, res, "*"].join(SEP));
  const out = new Map<string, AccessRequest>();
  const add = (p: AccessRequest) => out.set(JSON.stringify(p), p);
  for (const r of kept) {
    const s = subjectOf(r);
    const base = {
      user: r.user,
      groups: r.groups,
      apiGroup: r.apiGroup,
      resource: r.resource,
      subresource: r.subresource,
      namespace: r.namespace,
      name: r.name,
    };
    const ns = nsKey(r);
    const other = ["delete", "update", "create", "deletecollection", "get", "list"].find((v) => !used(s, v, resOf(r), ns));
    if (other) add({ ...base, verb: other });
    if (ns !== "" && ns !== "*" && !used(s, r.verb, resOf(r), "probe-ns")) add({ ...base, verb: r.verb, namespace: "probe-ns" });
    if (r.resource === "pods" && r.apiGroup === "" && r.subresource !== "exec" && ns !== "" && !used(s, "create", "pods./exec", ns)) {
      add({ ...base, verb: "create", subresource: "exec", name: r.name || "some-pod" });
    }
    // Another name, where RBAC can restrict by name: no learned name or glob fits `zz-unobserved`.
    const named = r.name !== "" && !["list", "watch", "deletecollection"].includes(r.verb) && !(r.verb === "create" && r.subresource === "");
    if (named) add({ ...base, verb: r.verb, name: "zz-unobserved" });
  }
  return [...out.values()];
}

/** How many of the requests the evaluator denies. */
export function deniedCount(evaluator: Evaluator, requests: readonly AccessRequest[]): number {
  return requests.filter((r) => evaluator.decide(r).decision === "deny").length;
}
