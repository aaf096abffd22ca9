/**
 * WGSL pieces every step shader shares: exact float32 literals, the activations and their
 * derivatives (the forms TF.js's gradients use), and the dropout hash of dropoutMask.ts in u32
 * arithmetic, so the masks match the TypeScript ones bit for bit.
 */
import type { FusedLayer } from '../fusedPlan.ts';

/** A float32 literal that parses back to exactly Math.fround(x). */
export function f32(x: number): string {
  const v = Math.fround(x);
  if (!Number.isFinite(v)) throw new RangeError(`not a finite float32: ${x}`);
  return `${v.toPrecision(9)}f`;
}

/** A u32 literal (of x's low 32 bits, as Math.imul sees them). */
export function u32(x: number): string {
  return `${x >>> 0}u`;
}

// TF.js's SELU constants (tfjs-core selu_util.ts).
const SELU_SCALE = 1.0507009873554805;
const SELU_SCALE_ALPHA = 1.7580993408473768;

/**
 * The activations by name: `act_<name>(z)` and `der_<name>(z, y)` (y = act(z)). Derivatives follow
 * TF.js: relu / leakyRelu / selu look at z, elu / tanh / sigmoid at y.
 */
export const ACTIVATIONS_WGSL = /* wgsl */ `
fn act_relu(z: f32) -> f32 { return max(z, 0.0); }
fn der_relu(z: f32, y: f32) -> f32 { return select(0.0, 1.0, z > 0.0); }
fn act_leakyRelu(z: f32) -> f32 { return select(${f32(0.2)} * z, z, z >= 0.0); }
fn der_leakyRelu(z: f32, y: f32) -> f32 { return select(${f32(0.2)}, 1.0, z > 0.0); }
// e^x − 1 without the cancellation of exp(x) − 1 near 0 (Taylor below |x| = 0.25).
fn expm1(x: f32) -> f32 {
  if (abs(x) >= 0.25) { return exp(x) - 1.0; }
  let c = ${f32(1 / 120)} + x * (${f32(1 / 720)} + x * (${f32(1 / 5040)} + x * ${f32(1 / 40320)}));
  return x * (1.0 + x * (0.5 + x * (${f32(1 / 6)} + x * (${f32(1 / 24)} + x * c))));
}
fn act_elu(z: f32) -> f32 { return select(expm1(z), z, z >= 0.0); }
fn der_elu(z: f32, y: f32) -> f32 { return select(y + 1.0, 1.0, y >= 0.0); }
fn act_selu(z: f32) -> f32 { return select(${f32(SELU_SCALE_ALPHA)} * expm1(z), ${f32(SELU_SCALE)} * z, z > 0.0); }
fn der_selu(z: f32, y: f32) -> f32 { return select(${f32(SELU_SCALE_ALPHA)} * exp(z), ${f32(SELU_SCALE)}, z > 0.0); }
// tanh(|z|) = −t / (2 + t), t = e^(−2|z|) − 1: accurate near 0 and no overflow for large |z|.
fn act_tanh(z: f32) -> f32 {
  let t = expm1(-2.0 * abs(z));
  return sign(z) * (-t / (2.0 + t));
}
fn der_tanh(z: f32, y: f32) -> f32 { return 1.0 - y * y; }
fn act_sigmoid(z: f32) -> f32 { return 1.0 / (1.0 + exp(-z)); }
fn der_sigmoid(z: f32, y: f32) -> f32 { return y * (1.0 - y); }
fn act_linear(z: f32) -> f32 { return z; }
fn der_linear(z: f32, y: f32) -> f32 { return 1.0; }
`;

/** dropoutMask.ts's hash: the unit's 24 random bits (dropoutUniform · 2²⁴). */
export const DROPOUT_WGSL = /* wgsl */ `
fn dropoutBits(seed: u32, step: u32, layer: u32, row: u32, unit: u32) -> u32 {
  var h = seed * 0x9e3779b1u + step * 0x85ebca77u + layer * 0xc2b2ae3du + row * 0x27d4eb2fu + unit * 0x165667b1u;
  h = h ^ (h >> 16u);
  h = h * 0x85ebca6bu;
  h = h ^ (h >> 13u);
  h = h * 0xc2b2ae35u;
  h = h ^ (h >> 16u);
  return h >> 8u;
}
`;

/**
 * A WGSL expression for trunk layer `index`'s dropout factor at (row, unit), given `seed` and the
 * step's `step` in scope; null when the layer has no dropout. dropoutUniform ≥ rate compares
 * k / 2²⁴ with a double, so comparing k with ⌈rate · 2²⁴⌉ is the same test, exactly.
 */
export function dropoutFactorWgsl(layer: FusedLayer, index: number, row: string, unit: string): string | null {
  if (layer.dropout <= 0) return null;
  const threshold = Math.ceil(layer.dropout * 16777216);
  const keep = f32(1 / (1 - layer.dropout));
  return `select(0.0, ${keep}, dropoutBits(SEED, step.step, ${u32(index)}, ${row}, ${unit}) >= ${u32(threshold)})`;
}
