/** A bundle of a package and the module of checks generated from it (absolute paths). */
export interface ValidatorTarget {
  bundle: string;
  output: string;
  /** How the module's header names its source. */
  from: string;
}
/** The bundles of a package (its data/*.json with `roots`) and the module generated from each. */
export declare function validatorTargets(packageDir: string): ValidatorTarget[];
/** The module text for one target. */
export declare function validatorModule(target: ValidatorTarget): string;
