import {
  diagnostic,
  didYouMean,
  KNOWN_VERBS,
  resourceKey,
  type ClusterIR,
  type Diagnostic,
  type Inventory,
  type RampartDocument,
  type SourcePosition,
} from "@rampart/core";
import { inventoryFor } from "./cluster-inventory.js";
import { quietHost, type Host } from "./host.js";
import { resolveCluster } from "./resolve-cluster.js";

/** Verbs that authorize without being served by any API (RBAC's escalation checks, impersonation, PSP/SCC `use`, CSR signing). */
const AUTHORIZATION_VERBS = ["bind", "escalate", "impersonate", "use", "approve", "sign", "attest"];

/** The parts of a request the inventory can check. */
export interface RequestRef {
  verb: string;
  apiGroup?: string | undefined;
  resource?: string | undefined;
  subresource?: string | undefined;
  nonResourceURL?: string | undefined;
}

/** Where each part of a request was written (one position for all, e.g. the command line). */
export type RequestPositions = SourcePosition | { verb: SourcePosition; resource: SourcePosition };

/**
 * Checks a request against a cluster's inventory: the resource (and subresource) must be served,
 * and the verb one the resource serves or an authorization-only verb. Each problem has a
 * "did you mean" hint; a typo must never be a silent deny.
 */
export function checkRequest(request: RequestRef, inventory: Inventory, at: RequestPositions): Diagnostic[] {
  const verbAt = "verb" in at ? at.verb : at;
  const resourceAt = "resource" in at ? at.resource : at;
  if (request.nonResourceURL) return [];
  const resource = request.resource ?? "";
  if (resource === "") return [];
  const group = request.apiGroup ?? "";
  const key = resourceKey(group, resource);
  const served = inventory.resource(group, resource);
  if (!served) {
    const keys = inventory.resources.map((r) => resourceKey(r.group, r.resource));
    return [
      diagnostic(
        "unknown-resource",
        "error",
        `resource \`${key}\` is not served by the cluster's inventory`,
        resourceAt,
        didYouMean(key, keys) ?? "check the spelling (plural, with its API group: `deployments.apps`), or add it to the inventory",
      ),
    ];
  }
  let verbs = served.verbs;
  const sub = request.subresource ?? "";
  if (sub !== "") {
    const s = served.subresources.find((x) => x.name === sub);
    if (!s) {
      const names = served.subresources.map((x) => x.name);
      return [
        diagnostic(
          "unknown-subresource",
          "error",
          `\`${key}\` has no subresource \`${sub}\``,
          resourceAt,
          didYouMean(sub, names) ?? (names.length ? `its subresources: ${names.map((n) => `\`${n}\``).join(", ")}` : "it has no subresources"),
        ),
      ];
    }
    verbs = s.verbs;
  }
  const allowed = new Set([...verbs, ...AUTHORIZATION_VERBS]);
  if (allowed.has(request.verb)) return [];
  const hint = didYouMean(request.verb, allowed) ?? didYouMean(request.verb, KNOWN_VERBS);
  return [
    diagnostic(
      "unknown-verb",
      "error",
      `verb \`${request.verb}\` is not one \`${key}${sub ? `/${sub}` : ""}\` serves (${[...verbs]
        .sort()
        .map((v) => `\`${v}\``)
        .join(", ")})`,
      verbAt,
      hint ?? "use a verb the resource serves, or an authorization verb (`bind`, `escalate`, `impersonate`, `use`)",
    ),
  ];
}

/** The cluster a request is decided in, with its inventory; or why none could be chosen. */
export interface RequestCluster {
  cluster?: ClusterIR;
  inventory?: Inventory;
  diagnostics: Diagnostic[];
}

/**
 * Picks the one cluster a command decides requests in (`--cluster`, else the only one) and loads
 * its inventory, so requests can be checked with `checkRequest` before they are decided.
 */
export async function requestCluster(
  documents: readonly RampartDocument[],
  options: { cluster?: string | undefined; inventory?: string | undefined; host?: Host; at?: SourcePosition },
): Promise<RequestCluster> {
  const choice = resolveCluster(documents, { name: options.cluster, single: true, ...(options.at ? { at: options.at } : {}) });
  if (choice.diagnostics.length > 0) return { diagnostics: choice.diagnostics };
  const cluster = choice.clusters[0]!;
  const inv = await inventoryFor(options.host ?? quietHost(), documents, cluster, options.inventory);
  return inv.inventory ? { cluster, inventory: inv.inventory, diagnostics: inv.diagnostics } : { cluster, diagnostics: inv.diagnostics };
}
