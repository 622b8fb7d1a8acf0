// Types of test-support/mutation-scopes.mjs (plain JavaScript: Stryker's config loads it without a TypeScript loader).

/** A scope of `pnpm mutation`: the files (globs, or `file#declaration,…`) it mutates and the tests that judge them. */
export interface MutationScope {
  mutate: string[];
  tests: string[];
}
/** Scope name → scope. */
export declare const SCOPES: Record<string, MutationScope>;
/** The scope named `name`; throws naming the known scopes when there is none. */
export declare function scopeNamed(name: string): MutationScope;
/** The files a glob matches under `root`. */
export declare function globFiles(root: string, glob: string): string[];
/** The 1-based line range of each top-level declaration of a source file, by name. */
export declare function declarationRanges(source: string): Map<string, { from: number; to: number }>;
/** The scope's mutate entries as Stryker takes them (declarations as `file:from-to`). */
export declare function resolveMutate(root: string, name: string): string[];
/** What in a scope does not match the tree at `root` (empty when it all does). */
export declare function scopeProblems(root: string, name: string): string[];
