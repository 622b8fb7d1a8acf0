import type { Command, Io } from "./command.js";
import { bold } from "./colour.js";

/** Flags every command takes, handled before the command runs. */
export const GLOBAL_FLAGS = [
  { flag: "-h, --help", description: "print this help" },
  { flag: "    --no-color", description: "no colour even on a terminal (also: the NO_COLOR environment variable)" },
];

/** `rampart <command> --help`: usage, summary, then every flag with its description, default and an example. */
export function commandHelp(io: Io, command: Command): string {
  const rows = Object.entries(command.options).map(([name, o]) => ({
    flag: `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? " <value>" : ""}`,
    text: `${o.description}${o.multiple && !o.description.endsWith("(repeatable)") ? " (repeatable)" : ""}; default: ${o.default}; e.g. \`${o.example}\``,
  }));
  const all = [...rows, ...GLOBAL_FLAGS.map((g) => ({ flag: g.flag, text: g.description }))];
  const width = Math.max(...all.map((r) => r.flag.length));
  const options = all.map((r) => `  ${r.flag.padEnd(width)}  ${r.text}`);
  return [`${bold(io, "usage:")} ${command.usage}`, "", command.summary, "", bold(io, "options:"), ...options].join("\n");
}
