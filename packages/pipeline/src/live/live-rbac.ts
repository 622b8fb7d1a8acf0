import type { Diagnostic } from "@rampart/core";
import type { RbacObject } from "@rampart/compiler-rbac";
import { connect, kubeDiagnostic } from "./connector.js";
import { KubeError, type KubeClient } from "./kube-client.js";
import type { KubeconfigOptions } from "./kubeconfig.js";
import { listAll } from "./list.js";

const RBAC_API = "/apis/rbac.authorization.k8s.io/v1";
const RBAC_KINDS = [
  ["clusterroles", "ClusterRole"],
  ["clusterrolebindings", "ClusterRoleBinding"],
  ["roles", "Role"],
  ["rolebindings", "RoleBinding"],
] as const;

/**
 * Lists every ClusterRole, ClusterRoleBinding, Role and RoleBinding of a cluster (all
 * namespaces, page by page) as RBAC objects. Rejects with a `KubeError`; a list the
 * credentials may not do says which grant is missing.
 */
export async function listRbac(client: KubeClient): Promise<RbacObject[]> {
  const objects: RbacObject[] = [];
  for (const [resource, kind] of RBAC_KINDS) {
    let items: Record<string, unknown>[];
    try {
      items = await listAll(client, `${RBAC_API}/${resource}`);
    } catch (error) {
      if (!(error instanceof KubeError) || error.kind !== "forbidden") throw error;
      throw new KubeError(
        "forbidden",
        `the credentials of context \`${client.context}\` may not list \`${resource}.rbac.authorization.k8s.io\` across all namespaces: ${error.message}`,
        `the gap needs \`list\` on roles, clusterroles, rolebindings and clusterrolebindings cluster-wide (\`kubectl auth can-i list ${resource} -A\`); or dump them with \`kubectl get clusterroles,clusterrolebindings,roles,rolebindings -A -o yaml > rbac.yaml\` and pass \`--rbac rbac.yaml\``,
        error.status,
      );
    }
    // List items carry no apiVersion and kind: the list they came from says them.
    for (const item of items) objects.push({ ...item, apiVersion: "rbac.authorization.k8s.io/v1", kind } as unknown as RbacObject);
  }
  return objects;
}

/** Where `--rbac live` reads from: a kubeconfig context (default: the current one). */
export interface LiveRbacOptions extends KubeconfigOptions {
  context?: string;
}

/** The RBAC objects of a live cluster, or why they cannot be read. */
export interface LiveRbac {
  objects?: RbacObject[];
  /** The context read and its API server, for messages. */
  context?: string;
  server?: string;
  /** Errors (exit 2): no kubeconfig, an unknown context, an unreachable cluster, a forbidden list. */
  diagnostics: Diagnostic[];
}

/** `--rbac live`: connects to a kubeconfig context and lists its RBAC objects; failures are diagnostics, never thrown. */
export async function liveRbac(options: LiveRbacOptions = {}): Promise<LiveRbac> {
  let client: KubeClient | undefined;
  try {
    client = await connect(options);
    const objects = await listRbac(client);
    return { objects, context: client.context, server: client.server, diagnostics: [] };
  } catch (error) {
    return { diagnostics: [kubeDiagnostic(error, client?.context ?? options.context)] };
  }
}
