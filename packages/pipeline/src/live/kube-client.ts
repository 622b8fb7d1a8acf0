/**
 * The one seam between rampart and a Kubernetes API server: GET a path, get JSON back.
 * The real implementation (`connect-kube.ts`) speaks HTTPS with the kubeconfig's
 * credentials; tests use recorded responses (`test/live-recorded.ts`).
 */
export interface KubeClient {
  /** The kubeconfig context this client talks to (or a label for recorded clients). */
  readonly context: string;
  /** The API server URL, for messages. */
  readonly server: string;
  /**
   * GETs a path (`/api/v1`, `/apis/apps/v1/deployments?limit=500`) and resolves to the parsed
   * JSON body. `metadataOnly` asks for a PartialObjectMetadataList (names and labels only).
   * Rejects with a `KubeError`.
   */
  get(path: string, options?: { metadataOnly?: boolean }): Promise<unknown>;
}

/** Why a request failed: the class decides whether a caller skips, warns or stops. */
export type KubeErrorKind = "config" | "unreachable" | "unauthorized" | "forbidden" | "not-found" | "gone" | "unavailable" | "http" | "invalid-response";

/** A failed request or connection, with a message fit for users (lowercase, input in backticks). */
export class KubeError extends Error {
  constructor(
    readonly kind: KubeErrorKind,
    message: string,
    readonly hint?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "KubeError";
  }
}

/** The error class of an HTTP status code. */
export function kindOfStatus(status: number): KubeErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 410) return "gone";
  if (status === 503) return "unavailable";
  return "http";
}

/** The URL path of a group-version: `/api/v1` for the core group, `/apis/<group>/<version>` otherwise. */
export function groupVersionPath(group: string, version: string): string {
  return group === "" ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** The collection path of a resource, optionally in one namespace. */
export function resourcePath(group: string, version: string, resource: string, namespace?: string): string {
  const ns = namespace === undefined ? "" : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${groupVersionPath(group, version)}${ns}/${resource}`;
}

/** Splits `apiVersion` into group and version (`v1` → core group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** A plain JSON object, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
