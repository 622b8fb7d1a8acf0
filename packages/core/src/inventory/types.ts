/** A row of the generated built-in inventory. */
export type BuiltinRow = readonly [
  group: string,
  version: string,
  stability: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  verbs: readonly string[],
  subresources: readonly (readonly [name: string, verbs: readonly string[]])[],
];

/** An API resource known to an inventory. */
export interface InventoryResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  /** Subresources with the verbs each serves. */
  readonly subresources: readonly { readonly name: string; readonly verbs: readonly string[] }[];
  readonly stability: "ga" | "beta" | "alpha";
  readonly builtin: boolean;
}
