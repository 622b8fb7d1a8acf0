import { documentJsonSchema } from "@rampart/core";
import { type Command, EXIT } from "../command.js";

/** `rampart schema`: the JSON Schema of the documents. */
export const schema: Command = {
  name: "schema",
  summary: "print the JSON Schema of rampart documents (for yaml-language-server)",
  usage: "rampart schema",
  options: {},
  async run(_args, io) {
    io.out(JSON.stringify(documentJsonSchema(), null, 2));
    return EXIT.ok;
  },
};
