import type { ClusterIR, Diagnostic, Inventory, RampartDocument } from "@rampart/core";
import { networkBackend } from "./backend-network.js";
import { accessAdmissionBackend, rbacBackend } from "./backend-rbac.js";
import { workloadBackend } from "./backend-workload.js";
import type { KubeObject } from "./emit.js";

/** What every backend needs to compile one cluster. */
export interface BackendContext {
  cluster: ClusterIR;
  inventory: Inventory;
  now: Date;
  networkBackend: "np" | "cnp";
  /** `admission`: exact writes through RBAC + admission; `rbac-only`: RBAC alone, granting less. */
  writePrecision: "admission" | "rbac-only";
}

/** The output of one backend for one cluster. */
export interface BackendResult {
  objects: KubeObject[];
  diagnostics: Diagnostic[];
  report: unknown;
}

/** A compiler, seen from the build: a folder name and a compile function. */
export interface Backend {
  folder: "rbac" | "admission" | "network";
  compile(documents: readonly RampartDocument[], context: BackendContext): BackendResult | Promise<BackendResult>;
}

/** The backends in build order. Each adapter lives in its own file under ./backend-*.ts. */
export const BACKENDS: Backend[] = [rbacBackend, accessAdmissionBackend, workloadBackend, networkBackend];
