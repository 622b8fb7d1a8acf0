import { type Command, EXIT, jsonOutput, OUTPUT_OPTION } from "../command.js";
import { loadOrReport } from "../load-policies.js";

/** `rampart check <paths…>`: load and validate only. */
export const check: Command = {
  name: "check",
  summary: "load and validate policies; print diagnostics",
  usage: "rampart check <paths…> [-o json]",
  options: { ...OUTPUT_OPTION },
  async run(args, io) {
    const json = jsonOutput(args);
    const loaded = await loadOrReport(io, args.positionals, json);
    if (!loaded) return EXIT.invalid;
    if (json) io.out(JSON.stringify({ documents: loaded.documents.length, diagnostics: loaded.diagnostics }, null, 2));
    else io.err(`ok: ${loaded.documents.length} document${loaded.documents.length === 1 ? "" : "s"} valid`);
    return EXIT.ok;
  },
};
