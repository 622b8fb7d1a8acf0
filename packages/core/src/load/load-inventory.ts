import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { documentsOfKind } from "../documents.js";
import { inventoryFromDocument, type Inventory } from "../inventory/inventory.js";
import { loadFiles, type LoadOptions } from "./load-files.js";

/** Loads an Inventory document from a YAML or JSON file (as written by `rampart inventory pull`). */
export async function loadInventory(path: string, options: LoadOptions = {}): Promise<{ inventory?: Inventory; diagnostics: Diagnostic[] }> {
  const { documents, diagnostics } = await loadFiles([path], options);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const found = documentsOfKind(documents, "Inventory");
  if (found.length !== 1) {
    return {
      diagnostics: [
        ...diagnostics,
        diagnostic(
          "inventory-file",
          "error",
          `\`${path}\` must hold exactly one Inventory document, found ${found.length}`,
          { file: path, line: 1, column: 1 },
          "write it with `rampart inventory pull -o FILE`",
        ),
      ],
    };
  }
  return { inventory: inventoryFromDocument(found[0]!), diagnostics };
}
