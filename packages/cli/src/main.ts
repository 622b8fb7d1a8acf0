import { type Io, parse, Exit, UsageError, EXIT } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { bold } from "./colour.js";
import { commandHelp, GLOBAL_FLAGS } from "./help.js";
import { CLI_VERSION } from "./version.js";

function help(io: Io): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "rampart — policy-as-code for Kubernetes: access, workload and traffic rules compiled to RBAC, admission and NetworkPolicies",
    "",
    `${bold(io, "usage:")} rampart <command> [options]   (as a kubectl plugin: kubectl rampart <command> [options])`,
    "",
    bold(io, "commands:"),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    bold(io, "flags:"),
    ...GLOBAL_FLAGS.map((g) => `  ${g.flag.trim()}  ${g.description}`),
    "  -v, --version  print the version",
    "",
    "run `rampart <command> --help` for a command's options; exit codes: 0 ok, 1 policy outcome, 2 invalid input",
  ].join("\n");
}

/** Runs the CLI with arguments (without `node` and the script); resolves to the exit code. `--no-color` anywhere turns colour off. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes("--no-color")) io = { ...io, color: false };
  const [name, ...rest] = argv.filter((a) => a !== "--no-color");
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help(io));
    return name === undefined ? EXIT.invalid : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(CLI_VERSION);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    // Loaded on this error path only: start-up loads no package.
    const names = COMMANDS.map((c) => c.name);
    const hint = (await import("@rampart/core")).didYouMean(name, names);
    io.err(`rampart: unknown command \`${name}\`${hint ? `; ${hint}` : ""} (commands: ${names.join(", ")})`);
    return EXIT.invalid;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(commandHelp(io, command));
    return EXIT.ok;
  }
  try {
    return await command.run(await parse(command, [...rest]), io);
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof UsageError) {
      io.err(`rampart ${command.name}: ${error.message}\nusage: ${command.usage}\n(run \`rampart ${command.name} --help\` for every flag)`);
      return EXIT.invalid;
    }
    const e = error as Error;
    io.err(`rampart ${command.name}: internal error: ${e.stack ?? e.message}`);
    return EXIT.internal;
  }
}
