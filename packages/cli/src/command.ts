import { parseArgs } from "node:util";
import type { Host } from "@rampart/pipeline";
import { COMMANDS } from "./commands/index.js";
import { flagTable, usageLine, type FlagLine } from "./flags.js";
export { EXIT } from "@rampart/pipeline/exit-codes";

/** Where a command writes (results on `out`, diagnostics and progress on `err`); injectable for tests. */
export interface Io extends Host {
  out(text: string): void;
  /** Standard input, read whole (for `-`); absent when there is none. */
  stdin?: () => Promise<string>;
  /** Colour on (a terminal without NO_COLOR or `--no-color`). */
  color?: boolean;
}

/** Parsed options and positionals of a command line. */
export type Parsed = { values: Record<string, Value>; positionals: string[] };
type Value = string | boolean | (string | boolean)[] | undefined;

/** One flag (parsed from its line in flags.ts): its parse type and what `--help`, `usage` and the completion scripts say of it. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** What `usage` shows for the value of a string flag. */
  placeholder?: string;
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

/** A command of the table in commands/index.ts, which gives its summary; `usage` names the positionals (every other flag is appended from `flags`). */
export function defineCommand(name: string, spec: { usage: string; flags: readonly FlagLine[]; run: Command["run"] }): Command {
  const [options, summary] = [flagTable(spec.flags), COMMANDS.find((c) => c.name === name)!.summary];
  return { name, summary, usage: usageLine(name, spec.usage, options), options, run: spec.run };
}

/** A usage problem: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** Ends a run with `code` once its problems are printed (`main` returns the code). */
export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A library result's value, or its error (a message naming the flag) as a usage error. */
export function orUsage<T extends object>(result: T | { error: string }): T {
  if ("error" in result) throw new UsageError(result.error);
  return result;
}

/** Parses argv for a command; unknown options are usage errors, with the closest flag as a hint. */
export async function parse(command: Command, argv: string[]): Promise<Parsed> {
  const option = ({ type, multiple, short }: OptionSpec) => ({ type, multiple, ...(short ? { short } : {}) });
  const options = Object.fromEntries(Object.entries(command.options).map(([n, o]) => [n, option(o)]));
  try {
    return parseArgs({ args: argv, options, allowPositionals: true }) as Parsed;
  } catch (error) {
    const message = (error as Error).message.replace(/^[A-Z]/, (c) => c.toLowerCase());
    const unknown = /unknown option '--([^'=]+)/.exec(message)?.[1];
    // Loaded here, not at start-up: `--version` and `--help` load no package.
    const guess = unknown === undefined ? undefined : (await import("@rampart/core")).closest(unknown, Object.keys(command.options));
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

/** A flag taking one of `choices` (value → what it means, or ""; the first is the default); another value is a usage error naming them. */
export function choice<T extends string>(args: Parsed, name: string, choices: Record<T, string>): T {
  const value = str(args, name) ?? Object.keys(choices)[0]!;
  if (Object.hasOwn(choices, value)) return value as T;
  const named = Object.entries<string>(choices).map(([v, what]) => `\`${v}\`${what ? ` (${what})` : ""}`);
  throw new UsageError(`\`--${name} ${value}\`: use ${named.join(" or ")}`);
}

/** The `--network-backend np|cnp` option (default `np`). */
export const networkBackendOption = (args: Parsed) => choice(args, "network-backend", NETWORK_BACKENDS);
const NETWORK_BACKENDS = { np: "NetworkPolicy only", cnp: "plus ClusterNetworkPolicy" };
const WRITE_PRECISIONS = { admission: "exact writes via RBAC + admission, Kubernetes ≥ 1.30", "rbac-only": "" };

/** The build options every compiling command takes: `--network-backend`, `--write-precision`, `--at`, `--cluster`, `--inventory`. */
export function buildOptions(args: Parsed, io: Io) {
  const [networkBackend, writePrecision] = [networkBackendOption(args), choice(args, "write-precision", WRITE_PRECISIONS)];
  return { networkBackend, writePrecision, now: atOption(args), cluster: str(args, "cluster"), inventory: str(args, "inventory"), host: io };
}

/** The diagnostics to show: info-level ones only with `--verbose`. */
export function shownDiagnostics<T extends { severity: string }>(args: Parsed, diagnostics: readonly T[]): T[] {
  return args.values.verbose ? [...diagnostics] : diagnostics.filter((d) => d.severity !== "info");
}

/** The `--at TIME` option: the instant expiry is judged at (default: now); a bad value is a usage error. */
export function atOption(args: Parsed): Date {
  return timeOption("at", str(args, "at")) ?? new Date();
}

/** A timestamp flag's value (undefined when absent); a bad value is a usage error. */
export function timeOption(flag: string, value: string | undefined): Date | undefined {
  const t = value === undefined ? undefined : new Date(value);
  if (t && Number.isNaN(t.getTime())) throw new UsageError(`\`--${flag} ${value}\` is not a timestamp like \`2026-12-31T18:00:00Z\``);
  return t;
}
