import { asRecord, KubeError, type KubeClient } from "./kube-client.js";

/** Page size of list requests. */
export const PAGE_SIZE = 500;

/** Options of a paginated list. */
export interface ListOptions {
  labelSelector?: string;
  /** Ask for metadata only (names, namespaces, labels): much smaller responses for name pulls. */
  metadataOnly?: boolean;
  /** Stop after this many pages (a guard against a server that never ends a list). */
  maxPages?: number;
}

/** The query string of one page: `?labelSelector=…&limit=500&continue=…` (fixed parameter order). */
export function listQuery(options: ListOptions, continueToken: string | undefined): string {
  const params = new URLSearchParams();
  if (options.labelSelector !== undefined) params.set("labelSelector", options.labelSelector);
  params.set("limit", String(PAGE_SIZE));
  if (continueToken !== undefined) params.set("continue", continueToken);
  return `?${params.toString()}`;
}

/**
 * Lists every item of a collection path, following `metadata.continue` page by page.
 * Resolves to the raw items (objects, or PartialObjectMetadata with `metadataOnly`).
 */
export async function listAll(client: KubeClient, path: string, options: ListOptions = {}): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const maxPages = options.maxPages ?? 10_000;
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const body = asRecord(await client.get(`${path}${listQuery(options, token)}`, options.metadataOnly ? { metadataOnly: true } : {}));
    const list = body?.items;
    if (!body || !Array.isArray(list)) {
      throw new KubeError("invalid-response", `the response to \`GET ${path}\` is not a list`, "check that the context points at a Kubernetes API server");
    }
    for (const item of list) {
      const record = asRecord(item);
      if (record) items.push(record);
    }
    const next = asRecord(body.metadata)?.continue;
    if (typeof next !== "string" || next === "") return items;
    token = next;
  }
  throw new KubeError("invalid-response", `\`GET ${path}\` did not finish after ${maxPages} pages`);
}

/** `metadata.name` and `metadata.namespace` of a listed item. */
export function itemName(item: Record<string, unknown>): { name: string; namespace: string } | undefined {
  const meta = asRecord(item.metadata);
  const name = meta?.name;
  if (typeof name !== "string" || name === "") return undefined;
  const namespace = meta?.namespace;
  return { name, namespace: typeof namespace === "string" ? namespace : "" };
}
