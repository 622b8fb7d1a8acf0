import { API_VERSION } from "@rampart/core";
import { toYaml } from "../build/emit.js";
import type { PulledInventory } from "./pull.js";

/** The first 8 hex digits of the context's SHA-256 (node:crypto is taken only when a name needs it: it is slow to load). */
const shortHash = (context: string): string => process.getBuiltinModule("node:crypto").createHash("sha256").update(context).digest("hex").slice(0, 8);

/**
 * A DNS-1123 label for a context name (`arn:aws:eks:…/prod`, `gke_proj_zone_name`,
 * `kind-dev`): lowercase, runs of other characters become `-`, at most 63 characters
 * (longer names are cut and keep a hash suffix).
 */
export function inventoryName(context: string): string {
  const safe =
    context
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "cluster";
  if (safe.length <= 63) return safe;
  return `${safe.slice(0, 54).replace(/-+$/, "")}-${shortHash(context)}`;
}

/** Unique inventory names for several contexts: a later context whose name collides gets a hash suffix. */
export function inventoryNames(contexts: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const context of contexts) {
    let name = inventoryName(context);
    if (taken.has(name)) name = `${name.slice(0, 54).replace(/-+$/, "")}-${shortHash(context)}`;
    taken.add(name);
    names.set(context, name);
  }
  return names;
}

/** The Inventory document of a pull; empty parts are left out, keys in a fixed order. */
export function inventoryDocument(name: string, pulled: PulledInventory): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  if (pulled.kubernetesVersion !== undefined) spec.kubernetesVersion = pulled.kubernetesVersion;
  if (pulled.namespaces.length > 0) spec.namespaces = pulled.namespaces;
  if (Object.keys(pulled.namespaceLabels).length > 0) spec.namespaceLabels = pulled.namespaceLabels;
  if (pulled.resources.length > 0) spec.resources = pulled.resources;
  if (Object.keys(pulled.objects).length > 0) spec.objects = pulled.objects;
  return { apiVersion: API_VERSION, kind: "Inventory", metadata: { name }, spec };
}

/** Serialises an Inventory document: JSON for `.json` files, YAML (with a provenance comment) otherwise. */
export function renderInventory(document: Record<string, unknown>, format: "json" | "yaml", source: { context: string; server: string }): string {
  if (format === "json") return `${JSON.stringify(document, null, 2)}\n`;
  return `# Pulled by \`rampart inventory pull\` from context \`${source.context}\` (${source.server}); pull again to refresh.\n${toYaml(document)}`;
}

/** The output format for a file name. */
export function formatOf(file: string): "json" | "yaml" {
  return file.toLowerCase().endsWith(".json") ? "json" : "yaml";
}
