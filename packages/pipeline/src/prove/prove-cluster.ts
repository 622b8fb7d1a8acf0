import { isRbacObject, type AccessRequest, type Diagnostic, type Inventory, type RampartDocument } from "@rampart/core";
import { verifyRbac, type RbacObject } from "@rampart/compiler-rbac";
import { ACCESS_WRITES_POLICY, evaluateAccessAdmission, type AdmissionObject } from "@rampart/compiler-vap";
import { createBlame } from "./blame.js";
import type { TreeManifest } from "./read-tree.js";

/** A request the tree grants that the policies refuse, with the files of the bindings (and roles) that grant it. */
export interface OverGrant {
  request: AccessRequest;
  /** Why the policies refuse it. */
  reason: string;
  files: string[];
}

/** The access proof of one cluster's tree: RBAC and the write-path admission policy together. */
export interface AccessProof {
  checked: number;
  overGrants: OverGrant[];
  underGrants: number;
  /** Under-grants the build did not report (must be 0). */
  unexplained: number;
  /** Whether the tree holds the write-path admission policy and its binding. */
  writeLayer: boolean;
}

/** True for the RBAC objects of a tree. */
export function isRbac(m: TreeManifest): boolean {
  return isRbacObject(m.object);
}

/** True for the objects of the write-path admission policy (the policy, or a binding of it). */
export function isWriteLayer(m: TreeManifest): boolean {
  const o = m.object as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown }; spec?: { policyName?: unknown } };
  if (!String(o.apiVersion).startsWith("admissionregistration.k8s.io/")) return false;
  if (o.kind === "ValidatingAdmissionPolicy") return o.metadata?.name === ACCESS_WRITES_POLICY;
  return o.kind === "ValidatingAdmissionPolicyBinding" && o.spec?.policyName === ACCESS_WRITES_POLICY;
}

/** Options of `proveAccess`. */
export interface ProveAccessOptions {
  cluster: string;
  inventory: Inventory;
  now: Date;
  /** The build's diagnostics: an under-grant at one of their positions is explained. */
  explained?: readonly Pick<Diagnostic, "file" | "line" | "column">[];
}

/**
 * Proves that every RBAC object of a tree, narrowed by the tree's write-path admission policy,
 * grants nothing the policies refuse. Each over-grant names the files that grant it.
 */
export function proveAccess(documents: readonly RampartDocument[], manifests: readonly TreeManifest[], options: ProveAccessOptions): AccessProof {
  const rbac = manifests.filter(isRbac);
  const writeLayer = manifests.filter(isWriteLayer).map((m) => m.object as unknown as AdmissionObject);
  const v = verifyRbac(
    documents,
    options.inventory,
    rbac.map((m) => m.object as unknown as RbacObject),
    {
      cluster: options.cluster,
      now: options.now,
      diagnostics: options.explained ?? [],
      admits: (r) => evaluateAccessAdmission(writeLayer, r).admitted,
    },
  );
  const blame = createBlame(rbac);
  const kinds = new Set(writeLayer.map((o) => o.kind));
  return {
    checked: v.checked,
    overGrants: v.overGrants.map((o) => ({ request: o.request, reason: o.reason ?? "", files: blame(o.request) })),
    underGrants: v.underGrants.length,
    unexplained: v.underGrants.filter((u) => !u.covered).length,
    writeLayer: kinds.has("ValidatingAdmissionPolicy") && kinds.has("ValidatingAdmissionPolicyBinding"),
  };
}
