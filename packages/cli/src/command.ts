import { parseArgs, type ParseArgsConfig } from "node:util";
export { EXIT } from "./exit-codes.js";

/** Where a command writes; injectable for tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Parsed options and positionals of a command line. */
export type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

/** One CLI command: parsing and printing only, logic lives in the packages. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(args: Parsed, io: Io): Promise<number>;
}

/** A usage problem: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** Parses argv for a command; unknown options are usage errors. */
export function parse(command: Command, argv: string[]): Parsed {
  try {
    return parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true }) as Parsed;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^[A-Z]/, (c) => c.toLowerCase()));
  }
}

/** A string option's value, or undefined. */
export function str(args: Parsed, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}

/** A repeatable string option's values. */
export function strs(args: Parsed, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}

/** True when `-o json` / `--output json` was given; other formats are usage errors. */
export function jsonOutput(args: Parsed): boolean {
  const o = str(args, "output");
  if (o === undefined || o === "text") return false;
  if (o === "json") return true;
  throw new UsageError(`unknown output format \`${o}\`; use \`-o json\` or \`-o text\``);
}

/** The `-o, --output` option. */
export const OUTPUT_OPTION = { output: { type: "string", short: "o" } } as const;

/** The `--network-backend np|cnp` option (default `np`); another value is a usage error. */
export function networkBackendOption(args: Parsed): "np" | "cnp" {
  const nb = str(args, "network-backend") ?? "np";
  if (nb !== "np" && nb !== "cnp") throw new UsageError(`\`--network-backend ${nb}\`: use \`np\` (NetworkPolicy only) or \`cnp\` (plus ClusterNetworkPolicy)`);
  return nb;
}

/** The `--write-precision admission|rbac-only` option (default `admission`); another value is a usage error. */
export function writePrecisionOption(args: Parsed): "admission" | "rbac-only" {
  const wp = str(args, "write-precision") ?? "admission";
  if (wp !== "admission" && wp !== "rbac-only") throw new UsageError(`\`--write-precision ${wp}\`: use \`admission\` (exact writes via RBAC + admission, Kubernetes ≥ 1.30) or \`rbac-only\``);
  return wp;
}

/** The `--at TIME` option: the instant expiry is judged at (default: now); a bad value is a usage error. */
export function atOption(args: Parsed): Date {
  const at = str(args, "at");
  const now = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(now.getTime())) throw new UsageError(`\`--at ${at}\` is not a timestamp like \`2026-12-31T18:00:00Z\``);
  return now;
}
