/** What the pipeline needs from its caller: the folder relative paths start from, and where progress lines go. */
export interface Host {
  cwd: string;
  /** One progress or notice line (the CLI: stderr). */
  err(text: string): void;
}

/** A host for library use: the process's working directory, notices dropped. */
export function quietHost(cwd: string = process.cwd()): Host {
  return { cwd, err: () => {} };
}
