import { diagnostic, resourceKey, type Diagnostic, type InventoryResource } from "@rampart/core";
import { asRecord, groupVersionPath, KubeError, type KubeClient } from "./kube-client.js";
import { mapLimit } from "./map-limit.js";

/** An API resource as the server's discovery reports it (subresources folded into their resource). */
export type DiscoveredResource = Omit<InventoryResource, "stability" | "builtin">;

/** What discovery found: the server version and every served resource, one entry per group and resource. */
export interface Discovery {
  /** `1.33` from `/version`; undefined when the server does not say. */
  readonly kubernetesVersion: string | undefined;
  /** Sorted by group, then resource. */
  readonly resources: readonly DiscoveredResource[];
  /** Warnings: group-versions that could not be discovered (e.g. an aggregated API that is down). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A group of `/apis` with its versions, preferred first. */
export interface ApiGroup {
  readonly name: string;
  readonly versions: readonly string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Where a diagnostic about a live cluster points. */
export function contextPosition(context: string): { file: string; line: number; column: number } {
  return { file: `<context ${context}>`, line: 0, column: 0 };
}

/** `1.33` from a `/version` body (`minor` may read `33+` on managed clusters). */
export function kubernetesMinor(body: unknown): string | undefined {
  const info = asRecord(body);
  if (!info) return undefined;
  const major = typeof info.major === "string" ? info.major.replace(/\D+/g, "") : "";
  const minor = typeof info.minor === "string" ? info.minor.replace(/\D+/g, "") : "";
  if (major === "1" && /^\d{1,2}$/.test(minor)) return `1.${Number(minor)}`;
  const git = typeof info.gitVersion === "string" ? /^v1\.(\d{1,2})\./.exec(info.gitVersion) : null;
  return git ? `1.${Number(git[1])}` : undefined;
}

/** The groups of an `APIGroupList` (`GET /apis`), each with its preferred version first. */
export function parseGroupList(body: unknown): ApiGroup[] {
  const groups = asRecord(body)?.groups;
  if (!Array.isArray(groups)) return [];
  const out: ApiGroup[] = [];
  for (const g of groups) {
    const group = asRecord(g);
    const name = group?.name;
    if (typeof name !== "string" || name === "") continue;
    const versions = (Array.isArray(group?.versions) ? group.versions : []).flatMap((v) => {
      const version = asRecord(v)?.version;
      return typeof version === "string" ? [version] : [];
    });
    const preferred = asRecord(group?.preferredVersion)?.version;
    const ordered = typeof preferred === "string" && versions.includes(preferred) ? [preferred, ...versions.filter((v) => v !== preferred)] : versions;
    out.push({ name, versions: ordered });
  }
  return out;
}

/**
 * The resources of an `APIResourceList` (`GET /api/v1`, `GET /apis/<group>/<version>`).
 * Entries named `<resource>/<sub>` become subresources of their resource; the list's own
 * group and version are used (a subresource's `group`/`version` override names its response kind only).
 */
export function parseResourceList(body: unknown, group: string, version: string): DiscoveredResource[] {
  const list = asRecord(body)?.resources;
  if (!Array.isArray(list)) return [];
  const main = new Map<string, { kind: string; namespaced: boolean; verbs: string[]; subresources: { name: string; verbs: string[] }[] }>();
  const subs: { parent: string; name: string; verbs: string[] }[] = [];
  for (const entry of list) {
    const r = asRecord(entry);
    const name = r?.name;
    if (!r || typeof name !== "string" || name === "") continue;
    const verbs = [...new Set(strings(r.verbs))].sort();
    const slash = name.indexOf("/");
    if (slash >= 0) subs.push({ parent: name.slice(0, slash), name: name.slice(slash + 1), verbs });
    else main.set(name, { kind: typeof r.kind === "string" ? r.kind : "", namespaced: r.namespaced === true, verbs, subresources: [] });
  }
  for (const s of subs) main.get(s.parent)?.subresources.push({ name: s.name, verbs: s.verbs });
  return [...main]
    .map(([resource, r]) => ({
      group,
      version,
      resource,
      kind: r.kind,
      namespaced: r.namespaced,
      verbs: r.verbs,
      subresources: r.subresources.sort((a, b) => (a.name < b.name ? -1 : 1)),
    }))
    .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}

/** Merges resource lists: the first group-version listed (the preferred one) wins for each resource. */
export function mergeResources(lists: readonly (readonly DiscoveredResource[])[]): DiscoveredResource[] {
  const byKey = new Map<string, DiscoveredResource>();
  for (const list of lists) for (const r of list) if (!byKey.has(resourceKey(r.group, r.resource))) byKey.set(resourceKey(r.group, r.resource), r);
  return [...byKey.values()].sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1));
}

/** Errors that end a whole pull (the cluster or the credentials are the problem, not one API). */
export function isFatal(error: unknown): boolean {
  return !(error instanceof KubeError) || error.kind === "unreachable" || error.kind === "unauthorized" || error.kind === "config";
}

/** Options of discovery. */
export interface DiscoverOptions {
  /** Called before each step, for progress displays. */
  onStep?: (message: string) => void;
  /** Parallel requests (default 8). */
  concurrency?: number;
}

/**
 * Discovers the server version and every served API resource (legacy discovery: `/api`,
 * `/apis` and one request per group-version). A group-version that fails (an aggregated API
 * that is down, say) is skipped with a warning; an unreachable server or rejected credentials reject.
 */
export async function discover(client: KubeClient, options: DiscoverOptions = {}): Promise<Discovery> {
  const diagnostics: Diagnostic[] = [];
  const at = contextPosition(client.context);
  options.onStep?.("reading the server version");
  let kubernetesVersion: string | undefined;
  try {
    kubernetesVersion = kubernetesMinor(await client.get("/version"));
  } catch (error) {
    if (isFatal(error)) throw error;
  }
  if (kubernetesVersion === undefined) {
    diagnostics.push(
      diagnostic(
        "discovery-version",
        "warning",
        `the server of context \`${client.context}\` did not report its kubernetes version`,
        at,
        "the inventory implies the built-in resources of the version rampart ships",
      ),
    );
  }
  options.onStep?.("discovering API groups");
  const core = strings(asRecord(await client.get("/api"))?.versions);
  const groups = parseGroupList(await client.get("/apis"));
  const groupVersions = [
    ...(core.length ? core : ["v1"]).map((v) => ({ group: "", version: v })),
    ...groups.flatMap((g) => g.versions.map((v) => ({ group: g.name, version: v }))),
  ];
  options.onStep?.(`discovering resources of ${groupVersions.length} group-versions`);
  const lists = await mapLimit(groupVersions, options.concurrency ?? 8, async ({ group, version }) => {
    const gv = group === "" ? version : `${group}/${version}`;
    try {
      return parseResourceList(await client.get(groupVersionPath(group, version)), group, version);
    } catch (error) {
      if (isFatal(error)) throw error;
      diagnostics.push(
        diagnostic(
          "discovery-partial",
          "warning",
          `cannot discover \`${gv}\` in context \`${client.context}\`: ${(error as Error).message}`,
          at,
          "its resources are missing from the inventory; check `kubectl get apiservices` for an unavailable aggregated API",
        ),
      );
      return [];
    }
  });
  diagnostics.sort((a, b) => (a.message < b.message ? -1 : 1));
  return { kubernetesVersion, resources: mergeResources(lists), diagnostics };
}
