import type { LearnOptions, LearnResult } from "./learn/learn.js";

/** The learn options as given on a command line: strings, as the flags hold them. */
export interface LearnFlags {
  format?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  byGroup: readonly string[];
  inventoryFile?: string | undefined;
  /** `--rbac`: manifests, or `live` alone. */
  rbac: readonly string[];
  context?: string | undefined;
  kubeconfig?: string | undefined;
  at: Date;
  cwd: string;
}

const LIVE_ALONE = "`--rbac live` reads the current grants from the cluster: give it alone, not with manifests (`./live` names a file called live)";
const NOT_LIVE = "`--context` and `--kubeconfig` choose the cluster of `--rbac live`: add `--rbac live`";

/** `values` without its undefined entries (the options are exact optional properties). */
function defined<T extends object>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** The options of `learnFromAuditLogs` from command-line flags, or the error naming the flags that do not go together. */
export function learnOptionsFromFlags(flags: LearnFlags): { options: LearnOptions & { format: "yaml" | "ts" } } | { error: string } {
  const format = flags.format ?? "yaml";
  if (format !== "yaml" && format !== "ts") return { error: `\`--format ${format}\`: use \`yaml\` or \`ts\`` };
  const { rbac, context, kubeconfig } = flags;
  const live = rbac.includes("live");
  if (live && rbac.length > 1) return { error: LIVE_ALONE };
  if (!live && (context ?? kubeconfig) !== undefined) return { error: NOT_LIVE };
  const current = live ? { rbacLive: defined({ context, kubeconfig }) } : { rbacFiles: rbac };
  const { since, until, inventoryFile, byGroup, at, cwd } = flags;
  return { options: { cwd, at, format, byGroup, ...current, ...defined({ since, until, inventoryFile }) } };
}

/** The `--json` summary of a learn run: status, the files written (with `-o`), counts and diagnostics. */
export function learnJson(result: LearnResult, dir: string | undefined): string {
  const written = dir !== undefined && result.status !== 2 ? { written: result.files.map((f) => f.path) } : {};
  return JSON.stringify({ status: result.status, ...written, summary: result.summary, diagnostics: result.diagnostics }, null, 2);
}
