import { hasErrors, loadFiles, loadInventory, loadManifests, type Diagnostic } from "@rampart/core";
import { loadBase } from "./base-source.js";
import { semanticDiff, type SemanticDiffOptions } from "./semantic-diff.js";
import type { SemanticDiff } from "./types.js";

/** Options of `diffPaths`: the files of both versions and of the inputs, then the diff's own options. */
export interface DiffPathsOptions extends Omit<SemanticDiffOptions, "inventory" | "workloads" | "manifests"> {
  /** Policy files or directories of the head version (the base is the same paths at `base`). */
  paths: readonly string[];
  /** A git ref of the repository holding the paths, or a directory of the base policies. */
  base: string;
  /** The directory paths are relative to. */
  cwd: string;
  /** Refuse `.ts` modules instead of running them (pull requests from forks). */
  noTypescript?: boolean;
  /** An Inventory file for every cluster of both versions. */
  inventoryFile?: string | undefined;
  /** Manifests of namespaces, pods and controllers for the traffic diff. */
  workloadsFile?: string | undefined;
  /** Manifests for the workload diff (`-` reads `stdin`). */
  manifestFiles?: readonly string[];
  /** The text the path `-` among `manifestFiles` stands for (standard input, read by the caller). */
  stdin?: string | undefined;
}

/** The diff of `diffPaths`, undefined with an error anywhere (`diagnostics` holds every problem found). */
export interface DiffPathsResult {
  diff?: SemanticDiff;
  diagnostics: Diagnostic[];
}

/**
 * Loads both versions (the base from git or a directory) and the input files, then diffs them.
 * With an error anywhere the diff is undefined and `diagnostics` holds every problem found.
 */
export async function diffPaths(options: DiffPathsOptions): Promise<DiffPathsResult> {
  const { paths, base: ref, cwd, noTypescript = false, inventoryFile, workloadsFile, manifestFiles = [], stdin, ...rest } = options;
  const head = await loadFiles(paths, { cwd, noTypescript });
  const base = await loadBase({ paths: [...paths], base: ref, cwd, noTypescript });
  try {
    const diffOptions: SemanticDiffOptions = { ...rest };
    const problems: Diagnostic[] = [...head.diagnostics, ...base.diagnostics];
    if (inventoryFile !== undefined) {
      const loaded = await loadInventory(inventoryFile, { cwd });
      problems.push(...loaded.diagnostics);
      if (loaded.inventory) diffOptions.inventory = loaded.inventory;
    }
    if (workloadsFile !== undefined) {
      const loaded = await loadManifests([workloadsFile], { cwd });
      problems.push(...loaded.diagnostics);
      diffOptions.workloads = loaded.manifests.map((m) => m.value);
    }
    if (manifestFiles.length > 0) {
      const loaded = await loadManifests([...manifestFiles], { cwd, ...(stdin !== undefined ? { stdin } : {}) });
      problems.push(...loaded.diagnostics);
      diffOptions.manifests = loaded.manifests.map((m) => ({ value: m.value, file: m.file }));
    }
    if (hasErrors(problems)) return { diagnostics: problems };
    const { diff, diagnostics } = await semanticDiff(base.documents, head.documents, diffOptions);
    if (hasErrors(diagnostics)) return { diagnostics };
    return { diff, diagnostics: [...problems, ...diagnostics] };
  } finally {
    base.dispose();
  }
}
