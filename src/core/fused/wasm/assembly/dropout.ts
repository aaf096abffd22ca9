/**
 * Dropout by the counter hash of dropoutMask.ts, bit for bit: a unit of a row is kept when the
 * hash's top 24 bits reach `threshold` (= ⌈rate·2²⁴⌉, so bits / 2²⁴ ≥ rate exactly), and kept units
 * are scaled by 1 / (1 − rate). Four units at a time on i32x4 (the hash is 32-bit wrapping arithmetic).
 */

function finish(h: v128): v128 {
  // murmur3's 32-bit finaliser, then the top 24 bits
  h = v128.xor(h, i32x4.shr_u(h, 16));
  h = i32x4.mul(h, i32x4.splat(0x85ebca6b));
  h = v128.xor(h, i32x4.shr_u(h, 13));
  h = i32x4.mul(h, i32x4.splat(0xc2b2ae35));
  h = v128.xor(h, i32x4.shr_u(h, 16));
  return i32x4.shr_u(h, 8);
}

function finish1(h: u32): u32 {
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h >>> 8;
}

/**
 * out = a · factor and mask = factor for [rows, units], factor 0 (dropped) or `scale` (kept), with
 * the hash of (seed, step, layer, row, unit).
 */
export function dropout(
  a: usize,
  out: usize,
  mask: usize,
  rows: i32,
  units: i32,
  seed: i32,
  step: i32,
  layer: i32,
  threshold: u32,
  scale: f32,
): void {
  const base: u32 = <u32>seed * 0x9e3779b1 + <u32>step * 0x85ebca77 + <u32>layer * 0xc2b2ae3d;
  const unitStep: u32 = 0x165667b1;
  const lanes = i32x4.mul(i32x4(0, 1, 2, 3), i32x4.splat(unitStep));
  const four = i32x4.splat(4 * unitStep);
  const thresholdMinus1 = i32x4.splat(threshold - 1); // bits ≥ threshold ⇔ bits > threshold − 1 (threshold ≥ 1)
  const scaleV = f32x4.splat(scale);
  for (let r = 0; r < rows; r++) {
    const rowBase: u32 = base + <u32>r * 0x27d4eb2f;
    const row = <usize>r * <usize>units;
    let h = i32x4.add(i32x4.splat(rowBase), lanes);
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      const o = (row + <usize>u) << 2;
      const kept = i32x4.gt_u(finish(h), thresholdMinus1);
      const factor = v128.and(scaleV, kept);
      v128.store(mask + o, factor);
      v128.store(out + o, f32x4.mul(v128.load(a + o), factor));
      h = i32x4.add(h, four);
    }
    for (; u < units; u++) {
      const o = (row + <usize>u) << 2;
      const factor: f32 = finish1(rowBase + <u32>u * unitStep) >= threshold ? scale : 0;
      store<f32>(mask + o, factor);
      store<f32>(out + o, load<f32>(a + o) * factor);
    }
  }
}

/** d ← d·mask over `count` floats (the backward pass through dropout). */
export function applyMask(d: usize, mask: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(d + o, f32x4.mul(v128.load(d + o), v128.load(mask + o)));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    store<f32>(d + o, load<f32>(d + o) * load<f32>(mask + o));
  }
}
