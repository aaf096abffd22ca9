/**
 * out[s, j] = Σ over rows i with ids[i] = s of values[i, j]. The arithmetic of TF.js's
 * UnsortedSegmentSum kernel (the gradient of an embedding lookup), for backends that lack it.
 */
export function segmentSum(
  values: ArrayLike<number>,
  ids: ArrayLike<number>,
  numSegments: number,
  inner: number,
  out: Float32Array,
): void {
  out.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i] as number;
    if (s < 0 || s >= numSegments) continue; // TF drops out-of-range ids too
    const from = i * inner;
    const to = s * inner;
    for (let j = 0; j < inner; j++) out[to + j] = (out[to + j] as number) + (values[from + j] as number);
  }
}
