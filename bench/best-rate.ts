/**
 * Operations per second from the fastest of many short batches: `fn(from, to)` runs operations
 * `from`..`to` (of `count`, cycled in order). On a machine shared with other work a long timing
 * round is almost always cut by other processes; the fastest short batch is the figure the code
 * reaches when it runs undisturbed, and baselines measured the same way in the same run compare.
 */
export function bestRate(count: number, fn: (from: number, to: number) => void, batch = 250, totalMs = 1500): number {
  const size = Math.min(batch, count);
  let best = Infinity;
  let from = 0;
  // Warm-up: one pass over everything (optimised code, caches in the state a steady stream leaves).
  for (let i = 0; i + size <= count; i += size) fn(i, i + size);
  const end = performance.now() + totalMs;
  while (best === Infinity || performance.now() < end) {
    for (let k = 0; k < 16; k++) {
      const t0 = process.hrtime.bigint();
      fn(from, from + size);
      const ns = Number(process.hrtime.bigint() - t0);
      if (ns < best) best = ns;
      from += size;
      if (from + size > count) from = 0;
    }
  }
  return size / (best / 1e9);
}

/** A rate for the tables: M/s, k/s or /s. */
export const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M/s` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k/s` : `${n.toFixed(1)} /s`);
/** A ratio for the tables. */
export const times = (n: number) => (n >= 100 ? `${n.toFixed(0)}×` : `${n.toFixed(1)}×`);
