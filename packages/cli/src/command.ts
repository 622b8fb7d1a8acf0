import { parseArgs } from "node:util";
import { closest } from "./did-you-mean.js";
export { EXIT } from "./exit-codes.js";

/** Where a command writes; injectable for tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Standard input, read whole (for `-`); absent when there is none. */
  stdin?: () => Promise<string>;
  /** Colour on (a terminal without NO_COLOR or `--no-color`). */
  color?: boolean;
}

/** Parsed options and positionals of a command line. */
export type Parsed = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

/** One flag: its parse type and what `--help` and the completion scripts say of it. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** One line, lowercase. */
  description: string;
  /** The value when the flag is absent, in words. */
  default: string;
  /** A complete example of the flag. */
  example: string;
}

/** One CLI command: parsing and printing only, logic lives in the packages. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  run(args: Parsed, io: Io): Promise<number>;
}

/** A usage problem: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** Parses argv for a command; unknown options are usage errors, with the closest flag as a hint. */
export function parse(command: Command, argv: string[]): Parsed {
  const options = Object.fromEntries(Object.entries(command.options).map(([n, o]) => [n, { type: o.type, multiple: o.multiple === true, ...(o.short ? { short: o.short } : {}) }]));
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (error) {
    const message = (error as Error).message.replace(/^[A-Z]/, (c) => c.toLowerCase());
    const unknown = /unknown option '--([^'=]+)/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : closest(unknown, Object.keys(command.options));
    throw new UsageError(guess === undefined ? message : `unknown option \`--${unknown}\`; did you mean \`--${guess}\`?`);
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
