// Shared settings of the property tests. Runs are unseeded (fast-check prints the seed and the
// shrunk counterexample on failure, so a failure can be replayed with `{ seed, path }`).

/**
 * The number of runs of a property: `base` scaled by RAMPART_PROPERTY_SCALE (default 1; the mutation
 * runs use a fraction so that each mutant is judged quickly). Floors that count outcomes must be
 * derived from this value, never from `base`.
 */
export function propertyRuns(base: number): number {
  const scale = Number(process.env.RAMPART_PROPERTY_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`RAMPART_PROPERTY_SCALE must be a positive number, got \`${process.env.RAMPART_PROPERTY_SCALE}\``);
  return Math.max(20, Math.round(base * scale));
}

/**
 * The floor of a count expected at `perRun` per run over `runs` runs: the expectation less three
 * standard deviations (Poisson), so that few runs (mutation testing) do not fail by chance while
 * full runs keep a floor close to the expectation.
 */
export function propertyFloor(perRun: number, runs: number): number {
  const expected = perRun * runs;
  return Math.max(0, Math.floor(expected - 3 * Math.sqrt(expected)));
}
