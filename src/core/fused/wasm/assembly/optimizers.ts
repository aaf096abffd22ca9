/**
 * What happens to the gradients after the backward pass: kernel penalties, the global norm and the
 * clip, and each optimiser's update over a range of parameters, in TF.js's f32 arithmetic op by op
 * (optimizationStep.ts, tfjs-core's sgd / momentum / rmsprop / adam optimisers), on f32x4.
 * Ranges are in floats from a base pointer; they need not be 16-byte aligned (v128 loads need not be).
 */

// 1 − β as TF.js computes it: in f64 (JavaScript numbers), then rounded to f32. Typed f64 here, because
// AssemblyScript would otherwise fold `<f32>(1 - 0.9)` in f32 and round differently.
const RMS_REST: f64 = 1 - 0.9;
const ADAM_REST1: f64 = 1 - 0.9;
const ADAM_REST2: f64 = 1 - 0.999;

/** g += l1·sign(w) + (2·l2)·w over [start, end) (sign(0) = 0). */
export function addPenalties(w: usize, g: usize, start: i32, end: i32, l1: f32, l2Twice: f32): void {
  const l1v = f32x4.splat(l1);
  const l2v = f32x4.splat(l2Twice);
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o = (<usize>i) << 2;
    const wv = v128.load(w + o);
    // sign: 1 where w > 0, −1 where w < 0, 0 where w is 0
    const sign = f32x4.sub(v128.and(one, f32x4.gt(wv, zero)), v128.and(one, f32x4.lt(wv, zero)));
    const penalty = f32x4.add(f32x4.mul(sign, l1v), f32x4.mul(wv, l2v));
    v128.store(g + o, f32x4.add(v128.load(g + o), penalty));
  }
  for (; i < end; i++) {
    const o = (<usize>i) << 2;
    const wv = load<f32>(w + o);
    const sign: f32 = wv > 0 ? 1 : wv < 0 ? -1 : 0;
    store<f32>(g + o, load<f32>(g + o) + (sign * l1 + wv * l2Twice));
  }
}

/** Σ g² over [0, count), accumulated in f64. */
export function sumOfSquares(g: usize, count: i32): f64 {
  let v = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const x = v128.load(g + ((<usize>i) << 2));
    const sq = f32x4.mul(x, x);
    v = f64x2.add(
      v,
      f64x2.add(f64x2.promote_low_f32x4(sq), f64x2.promote_low_f32x4(i32x4.shuffle(sq, sq, 2, 3, 0, 1))),
    );
  }
  let sum = f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
  for (; i < count; i++) {
    const x = load<f32>(g + ((<usize>i) << 2));
    sum += <f64>(x * x);
  }
  return sum;
}

/** g ← g·s over [0, count). */
export function scaleAll(g: usize, count: i32, s: f32): void {
  const sv = f32x4.splat(s);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(g + o, f32x4.mul(v128.load(g + o), sv));
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    store<f32>(g + o, load<f32>(g + o) * s);
  }
}

/** SGD: w ← (−lr)·g + w. */
export function sgd(w: usize, g: usize, start: i32, end: i32, lr: f32): void {
  const c = f32x4.splat(-lr);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o = (<usize>i) << 2;
    v128.store(w + o, f32x4.add(f32x4.mul(c, v128.load(g + o)), v128.load(w + o)));
  }
  for (; i < end; i++) {
    const o = (<usize>i) << 2;
    store<f32>(w + o, -lr * load<f32>(g + o) + load<f32>(w + o));
  }
}

/** Momentum 0.9: a ← 0.9·a + g; w ← (−lr)·a + w. */
export function momentum(w: usize, g: usize, a: usize, start: i32, end: i32, lr: f32): void {
  const m: f32 = 0.9;
  const mv = f32x4.splat(m);
  const c = f32x4.splat(-lr);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o = (<usize>i) << 2;
    const acc = f32x4.add(f32x4.mul(mv, v128.load(a + o)), v128.load(g + o));
    v128.store(a + o, acc);
    v128.store(w + o, f32x4.add(f32x4.mul(c, acc), v128.load(w + o)));
  }
  for (; i < end; i++) {
    const o = (<usize>i) << 2;
    const acc = m * load<f32>(a + o) + load<f32>(g + o);
    store<f32>(a + o, acc);
    store<f32>(w + o, -lr * acc + load<f32>(w + o));
  }
}

/** RMSProp (decay 0.9, no momentum): ms ← 0.9·ms + 0.1·g²; mom ← lr·g / √(ms + ε); w ← w − mom. */
export function rmsprop(w: usize, g: usize, ms: usize, mom: usize, start: i32, end: i32, lr: f32, epsilon: f32): void {
  const decay: f32 = 0.9;
  const rest = <f32>RMS_REST;
  const dv = f32x4.splat(decay);
  const rv = f32x4.splat(rest);
  const lrv = f32x4.splat(lr);
  const ev = f32x4.splat(epsilon);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o = (<usize>i) << 2;
    const gv = v128.load(g + o);
    const s = f32x4.add(f32x4.mul(v128.load(ms + o), dv), f32x4.mul(f32x4.mul(gv, gv), rv));
    const step = f32x4.div(f32x4.mul(gv, lrv), f32x4.sqrt(f32x4.add(s, ev)));
    v128.store(ms + o, s);
    v128.store(mom + o, step);
    v128.store(w + o, f32x4.sub(v128.load(w + o), step));
  }
  for (; i < end; i++) {
    const o = (<usize>i) << 2;
    const gv = load<f32>(g + o);
    const s = load<f32>(ms + o) * decay + gv * gv * rest;
    const step = (gv * lr) / sqrt<f32>(s + epsilon);
    store<f32>(ms + o, s);
    store<f32>(mom + o, step);
    store<f32>(w + o, load<f32>(w + o) - step);
  }
}

/**
 * Adam (β₁ 0.9, β₂ 0.999): m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
 * w ← (m / c1) / (√(v / c2) + ε)·(−lr) + w, with c1 = 1 − β₁^(t+1), c2 = 1 − β₂^(t+1).
 */
export function adam(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  start: i32,
  end: i32,
  lr: f32,
  epsilon: f32,
  c1: f32,
  c2: f32,
): void {
  const b1: f32 = 0.9;
  const b2: f32 = 0.999;
  const r1 = <f32>ADAM_REST1;
  const r2 = <f32>ADAM_REST2;
  const b1v = f32x4.splat(b1);
  const b2v = f32x4.splat(b2);
  const r1v = f32x4.splat(r1);
  const r2v = f32x4.splat(r2);
  const c1v = f32x4.splat(c1);
  const c2v = f32x4.splat(c2);
  const ev = f32x4.splat(epsilon);
  const nlr = f32x4.splat(-lr);
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o = (<usize>i) << 2;
    const gv = v128.load(g + o);
    const mv = f32x4.add(f32x4.mul(v128.load(m + o), b1v), f32x4.mul(gv, r1v));
    const vv = f32x4.add(f32x4.mul(v128.load(v + o), b2v), f32x4.mul(f32x4.mul(gv, gv), r2v));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
    const update = f32x4.div(f32x4.div(mv, c1v), f32x4.add(f32x4.sqrt(f32x4.div(vv, c2v)), ev));
    v128.store(w + o, f32x4.add(f32x4.mul(update, nlr), v128.load(w + o)));
  }
  for (; i < end; i++) {
    const o = (<usize>i) << 2;
    const gv = load<f32>(g + o);
    const mv = load<f32>(m + o) * b1 + gv * r1;
    const vv = load<f32>(v + o) * b2 + gv * gv * r2;
    store<f32>(m + o, mv);
    store<f32>(v + o, vv);
    const update = mv / c1 / (sqrt<f32>(vv / c2) + epsilon);
    store<f32>(w + o, update * -lr + load<f32>(w + o));
  }
}
