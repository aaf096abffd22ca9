/** Equal-width histogram of finite values. */

export interface Histogram {
  /** bins + 1 ascending edges; bin k holds edges[k] ≤ v < edges[k + 1] (the last bin includes its right edge). */
  edges: number[];
  counts: number[];
}

export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { edges: [], counts: [] };
  if (max === min) return { edges: [min - 0.5, max + 0.5], counts: [finite] };
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? max : min + k * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const k = Math.min(bins - 1, Math.floor((v - min) / width));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { edges, counts };
}
