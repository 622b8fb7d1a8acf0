import { parseExternals, type ExternalEndpoint } from "../network/connectivity-flows.js";

/** The flags of `rampart diff --base` checked before the diff runs. */
export interface DiffBaseFlags {
  paths: readonly string[];
  failOn?: string | undefined;
  inventoryFile?: string | undefined;
  externals: readonly string[];
}

const NO_LIVE_INVENTORY = "`--inventory live` is not supported with `--base`: give an inventory file (`rampart inventory pull -o FILE`)";

/** Checks the flags of `rampart diff --base` (an `error` names the flag and how to fix it) and parses its `--external` addresses. */
export function diffBaseFlags(flags: DiffBaseFlags): { externals: ExternalEndpoint[] } | { error: string } {
  if (flags.failOn !== undefined && flags.failOn !== "new-access") return { error: `\`--fail-on ${flags.failOn}\`: the only condition is \`new-access\`` };
  if (flags.paths.length === 0) return { error: "give at least one file or directory of policies" };
  if (flags.inventoryFile === "live") return { error: NO_LIVE_INVENTORY };
  return parseExternals(flags.externals);
}
