import { parseArgs } from "node:util";
import type { Host } from "@rampart/pipeline";
import { COMMANDS } from "./commands/index.js";
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

/** A command of the table in commands/index.ts, which gives its summary: each summary is written once, there. */
export function defineCommand(name: string, spec: Omit<Command, "name" | "summary">): Command {
  return { name, summary: COMMANDS.find((c) => c.name === name)!.summary, ...spec };
}

/** A usage problem: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

/** A library result's value, or its error (a message naming the flag) as a usage error. */
export function orUsage<T extends object>(result: T | { error: string }): T {
  if ("error" in result) throw new UsageError(result.error);
  return result;
}

/** Parses argv for a command; unknown options are usage errors, with the closest flag as a hint. */
export async function parse(command: Command, argv: string[]): Promise<Parsed> {
  const options = Object.fromEntries(Object.entries(command.options).map(([n, o]) => [n, { type: o.type, multiple: o.multiple === true, ...(o.short ? { short: o.short } : {}) }]));
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
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
  throw new UsageError(`\`--${name} ${value}\`: use ${Object.entries<string>(choices).map(([v, what]) => `\`${v}\`${what ? ` (${what})` : ""}`).join(" or ")}`);
}

/** The `--network-backend np|cnp` option (default `np`). */
export const networkBackendOption = (args: Parsed) => choice(args, "network-backend", { np: "NetworkPolicy only", cnp: "plus ClusterNetworkPolicy" });

/** The build options every compiling command takes: `--network-backend`, `--write-precision`, `--at`, `--cluster`, `--inventory`. */
export function buildOptions(args: Parsed, io: Io) {
  const networkBackend = networkBackendOption(args);
  const writePrecision = choice(args, "write-precision", { admission: "exact writes via RBAC + admission, Kubernetes ≥ 1.30", "rbac-only": "" });
  return { networkBackend, writePrecision, now: atOption(args), cluster: str(args, "cluster"), inventory: str(args, "inventory"), host: io };
}

/** The diagnostics to show: info-level ones only with `--verbose`. */
export function shownDiagnostics<T extends { severity: string }>(args: Parsed, diagnostics: readonly T[]): T[] {
  return args.values.verbose ? [...diagnostics] : diagnostics.filter((d) => d.severity !== "info");
}

/** The `--at TIME` option: the instant expiry is judged at (default: now); a bad value is a usage error. */
export function atOption(args: Parsed): Date {
  const at = str(args, "at");
  const now = at === undefined ? new Date() : new Date(at);
  if (Number.isNaN(now.getTime())) throw new UsageError(`\`--at ${at}\` is not a timestamp like \`2026-12-31T18:00:00Z\``);
  return now;
}
