import { documentJsonSchema } from "@rampart/core";
import { defineCommand, EXIT } from "../command.js";
import { outputFormat, printReport } from "../output-format.js";
import { pick } from "../options.js";

/** `rampart schema`: the JSON Schema of the documents. */
export const schema = defineCommand("schema", {
  usage: "rampart schema [-o json|yaml]",
  options: pick(["output"], { output: { description: "`json` or `yaml`", default: "json", example: "-o yaml" } }),
  async run(args, io) {
    const format = args.values.output === undefined ? "json" : outputFormat(args);
    printReport(io, format === "yaml" ? "yaml" : "json", documentJsonSchema(), []);
    return EXIT.ok;
  },
});
