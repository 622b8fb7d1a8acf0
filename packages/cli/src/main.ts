import { type Io, parse, UsageError, EXIT } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { VERSION } from "./version.js";

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "rampart — policy-as-code for Kubernetes: access, workload and traffic rules compiled to RBAC, admission and NetworkPolicies",
    "",
    "usage: rampart <command> [options]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "run `rampart <command> --help` for a command's options; exit codes: 0 ok, 1 policy outcome, 2 invalid input",
  ].join("\n");
}

/** Runs the CLI with arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === undefined ? EXIT.invalid : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(`rampart: unknown command \`${name}\`; commands: ${COMMANDS.map((c) => c.name).join(", ")}`);
    return EXIT.invalid;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`usage: ${command.usage}\n\n${command.summary}`);
    return EXIT.ok;
  }
  try {
    return await command.run(parse(command, [...rest]), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`rampart ${command.name}: ${error.message}\nusage: ${command.usage}`);
      return EXIT.invalid;
    }
    const e = error as Error;
    io.err(`rampart ${command.name}: internal error: ${e.stack ?? e.message}`);
    return EXIT.internal;
  }
}

