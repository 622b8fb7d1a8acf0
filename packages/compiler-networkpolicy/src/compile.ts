import { diagnostic, normaliseTraffic, type Diagnostic, type RampartDocument } from "@rampart/core";
import { openApiDiagnostics, precompiledOpenApiValidator, SOURCE_ANNOTATION } from "@rampart/core/compiler";
// The OpenAPI checks of data/*.json (NetworkPolicy of Kubernetes 1.35, the ClusterNetworkPolicy CRD), compiled at build time.
import * as cnpChecks from "./generated/crd-clusternetworkpolicy-v1alpha2.js";
import * as npChecks from "./generated/openapi-networking-v1.35.js";
import { emitNamespaceAllows } from "./emit-allows.js";
import { emitDefaultDenies, emitPodDenies } from "./emit-denies.js";
import { emitLaterNamespaces } from "./emit-later.js";
import { trafficHints } from "./hints.js";
import type { NetworkObject } from "./k8s-output.js";
import { ruleId, type NetworkBuild, type NetworkRuleReport } from "./network-build.js";

/** Options of `compileNetwork`. */
export interface CompileNetworkOptions {
  /** `np` (default): NetworkPolicy only, pod denies carved out of allows with `NotIn` selectors; `cnp`: pod denies as an Admin-tier ClusterNetworkPolicy. */
  networkBackend?: "np" | "cnp";
  /** Deny egress to the cloud metadata endpoints (169.254.169.254/32, fd00:ec2::254/128) in every governed namespace. */
  blockMetadata?: boolean;
  /** Priority of the first emitted ClusterNetworkPolicy (default 100; one more per object, at most 1000). */
  cnpPriority?: number;
  /**
   * The cluster's inventory: `spec.namespaces` globs expand against its namespaces and
   * `spec.namespaceLabels` match its recorded namespace labels (default: the Inventory documents').
   */
  inventory?: NetworkInventory;
}

/** The result of `compileNetwork`. */
export interface CompileNetworkResult {
  objects: NetworkObject[];
  diagnostics: Diagnostic[];
  report: { rules: NetworkRuleReport[]; counts: { objects: number; networkPolicies: number; clusterNetworkPolicies: number } };
}

/** What `compileNetwork` and `verifyNetwork` need of an inventory: namespaces and their recorded labels. */
export interface NetworkInventory {
  readonly namespaces: readonly string[];
  /** Recorded labels per namespace (`kubernetes.io/metadata.name` implied). */
  readonly namespaceLabels?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** `normaliseTraffic` options for an inventory (none: the Inventory documents'). */
export function inventoryOptions(inventory: NetworkInventory | undefined): {
  namespaces?: readonly string[];
  namespaceLabels?: ReadonlyMap<string, Readonly<Record<string, string>>>;
} {
  if (!inventory) return {};
  return { namespaces: inventory.namespaces, namespaceLabels: inventory.namespaceLabels ?? new Map() };
}

export type { NetworkObject } from "./k8s-output.js";
export type { NetworkRuleReport } from "./network-build.js";

const validateNp = precompiledOpenApiValidator(npChecks);
const validateCnp = precompiledOpenApiValidator(cnpChecks);

/** Sorts the objects, and reports two with one name (they would replace each other) and any that fail the OpenAPI check. */
function checkObjects(objects: NetworkObject[], diagnostics: Diagnostic[]): void {
  objects.sort((a, b) =>
    a.kind !== b.kind
      ? a.kind === "NetworkPolicy"
        ? -1
        : 1
      : (a.metadata.namespace ?? "") !== (b.metadata.namespace ?? "")
        ? (a.metadata.namespace ?? "") < (b.metadata.namespace ?? "")
          ? -1
          : 1
        : a.metadata.name < b.metadata.name
          ? -1
          : a.metadata.name > b.metadata.name
            ? 1
            : 0,
  );
  for (let i = 1; i < objects.length; i++) {
    const [a, b] = [objects[i - 1]!, objects[i]!];
    if (a.kind === b.kind && a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name) {
      diagnostics.push(
        diagnostic(
          "duplicate-object",
          "error",
          `two generated ${a.kind} objects are named \`${a.metadata.name}\`${a.metadata.namespace ? ` in namespace \`${a.metadata.namespace}\`` : ""} (from ${a.metadata.annotations[SOURCE_ANNOTATION]} and ${b.metadata.annotations[SOURCE_ANNOTATION]})`,
          { file: "<generated>", line: 0, column: 0 },
          "this is a bug in rampart: please report it with the input policies; renaming one of the policies avoids it",
        ),
      );
    }
  }
  diagnostics.push(
    ...openApiDiagnostics(
      objects,
      (o) => (o.kind === "NetworkPolicy" ? validateNp(o) : validateCnp(o)),
      "Kubernetes 1.35 (NetworkPolicy) or ClusterNetworkPolicy v1alpha2",
    ),
  );
}

/**
 * Compiles TrafficPolicies into `networking.k8s.io/v1` NetworkPolicies (and, with
 * `networkBackend: "cnp"`, Admin-tier `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicies):
 * default deny per governed namespace, allows with denies subtracted exactly (`ipBlock.except`,
 * `NotIn` selectors, port ranges), isolating guards for denies in directions that are not
 * default-deny. Where NetworkPolicy cannot be exact it admits less, never more, and reports it.
 */
export function compileNetwork(documents: readonly RampartDocument[], options: CompileNetworkOptions = {}): CompileNetworkResult {
  const backend = options.networkBackend ?? "np";
  const policies = normaliseTraffic(documents, { blockMetadata: options.blockMetadata ?? false, ...inventoryOptions(options.inventory) });
  const build: NetworkBuild = { backend, objects: [], diagnostics: trafficHints(policies, backend), reports: new Map(), said: new Set() };
  for (const p of policies)
    for (const r of [...p.allow, ...p.deny]) build.reports.set(r, { policy: p.name, rule: ruleId(r), backend: "network", objects: [], notExpressible: [] });
  emitDefaultDenies(build, policies);
  emitNamespaceAllows(build, policies);
  const next = emitPodDenies(build, policies, options.cnpPriority);
  if (backend === "cnp") emitLaterNamespaces(build, policies, next);
  const { objects, diagnostics } = build;
  checkObjects(objects, diagnostics);
  const rules = [...build.reports.values()];
  const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
  return {
    objects,
    diagnostics,
    report: { rules, counts: { objects: objects.length, networkPolicies: count("NetworkPolicy"), clusterNetworkPolicies: count("ClusterNetworkPolicy") } },
  };
}

/** The build report of `compileNetwork`: each rule's objects and what NetworkPolicy could not express, and the object counts. */
export type NetworkReport = CompileNetworkResult["report"];
