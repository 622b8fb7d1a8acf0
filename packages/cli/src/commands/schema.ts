import { documentJsonSchema } from "@rampart/core";
import { defineCommand, EXIT, outputFormat, printReport } from "../kit.js";

/** `rampart schema`: the JSON Schema of the documents. */
export const command = defineCommand("schema", {
  usage: "",
  flags: ["-o, --output <json|yaml>  `json` or `yaml`; default: json; e.g. `-o yaml`"],
  async run(args, io) {
    const format = args.values.output === undefined ? "json" : outputFormat(args);
    printReport(io, format === "yaml" ? "yaml" : "json", documentJsonSchema(), []);
    return EXIT.ok;
  },
});
