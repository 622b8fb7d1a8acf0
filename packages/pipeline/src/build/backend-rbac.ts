import { compileRbac } from "@rampart/compiler-rbac";
import { compileAccessAdmission, writeEnvelope } from "@rampart/compiler-vap";
import type { Backend } from "./backends.js";
import type { KubeObject } from "./emit.js";

/**
 * RBAC for AccessPolicies. With write precision `admission` (the default), name-restricted
 * write rules are granted broadly by RBAC and narrowed exactly by the write-path admission
 * policy (see backend-access-admission); with `rbac-only`, RBAC alone grants less.
 */
export const rbacBackend: Backend = {
  folder: "rbac",
  compile(documents, ctx) {
    const input = ctx.writePrecision === "admission" ? writeEnvelope(documents, ctx.inventory) : documents;
    const { objects, diagnostics, report } = compileRbac(input, { cluster: ctx.cluster, inventory: ctx.inventory, now: ctx.now });
    return { objects: objects as KubeObject[], diagnostics, report };
  },
};

/** The write-path ValidatingAdmissionPolicy for access rules RBAC cannot express exactly. */
export const accessAdmissionBackend: Backend = {
  folder: "admission",
  compile(documents, ctx) {
    if (ctx.writePrecision !== "admission") return { objects: [], diagnostics: [], report: { accessWrites: "rbac-only" } };
    const { objects, diagnostics, report } = compileAccessAdmission(documents, { cluster: ctx.cluster, inventory: ctx.inventory, now: ctx.now });
    return { objects: objects as KubeObject[], diagnostics, report: { accessWrites: report.rules } };
  },
};
