import { bashCompletion, fishCompletion, zshCompletion } from "@rampart/pipeline";
import { COMMANDS } from "./index.js";
import { defineCommand, EXIT, UsageError } from "../kit.js";

/** `rampart completion bash|zsh|fish`: a shell completion script generated from the command table. */
export const command = defineCommand("completion", {
  usage: "bash|zsh|fish",
  flags: [],
  async run(args, io) {
    const [shell, ...rest] = args.positionals;
    const make = shell === "bash" ? bashCompletion : shell === "zsh" ? zshCompletion : shell === "fish" ? fishCompletion : undefined;
    if (shell === undefined) throw new UsageError("give the shell: `bash`, `zsh` or `fish`");
    if (!make || rest.length > 0) throw new UsageError(`unknown shell \`${shell}\`; use \`bash\`, \`zsh\` or \`fish\``);
    const table = await Promise.all(COMMANDS.map(async (c) => c.load()));
    io.out(make(table).replace(/\n$/, ""));
    return EXIT.ok;
  },
});
