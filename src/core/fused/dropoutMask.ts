/**
 * The fused engines' dropout masks: a counter-based hash of (seed, step, layer, row, unit), so the
 * WebAssembly and WGSL kernels draw the same mask without a random-number state, a run repeats for
 * the same Seed, and a test can compute the mask an engine used. (TF.js's Dropout draws its own
 * masks, so with dropout on the two engines train alike in distribution, not bit for bit.)
 * Keep: inverted dropout, kept units scaled by 1 / (1 − rate), as TF.js does.
 */

/** A uniform number in [0, 1) for one unit of one row of one step (24 random bits). */
export function dropoutUniform(seed: number, step: number, layer: number, row: number, unit: number): number {
  let h =
    (Math.imul(seed, 0x9e3779b1) +
      Math.imul(step, 0x85ebca77) +
      Math.imul(layer, 0xc2b2ae3d) +
      Math.imul(row, 0x27d4eb2f) +
      Math.imul(unit, 0x165667b1)) |
    0;
  // murmur3's 32-bit finaliser
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 8) / 16777216;
}

/** The factor a unit is multiplied by: 0 when dropped, 1 / (1 − rate) when kept. */
export function dropoutFactor(
  rate: number,
  seed: number,
  step: number,
  layer: number,
  row: number,
  unit: number,
): number {
  if (rate <= 0) return 1;
  return dropoutUniform(seed, step, layer, row, unit) >= rate ? 1 / (1 - rate) : 0;
}
