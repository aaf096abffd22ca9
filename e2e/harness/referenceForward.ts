/**
 * The fused step's forward pass and losses in plain JavaScript (float64), with dropoutMask.ts's
 * masks: the reference for the engine's dropout, which TF.js draws differently (docs/fused-engine.md).
 */
import { dropoutFactor } from '../../src/core/fused/dropoutMask.ts';
import type { FusedTrainingData } from '../../src/core/fused/fusedEngine.ts';
import type { FusedLayer, FusedPlan } from '../../src/core/fused/fusedPlan.ts';

const EPS = 1e-7;

function activate(name: FusedLayer['activation'], z: number): number {
  switch (name) {
    case 'relu':
      return Math.max(z, 0);
    case 'leakyRelu':
      return z >= 0 ? z : 0.2 * z;
    case 'elu':
      return z >= 0 ? z : Math.expm1(z);
    case 'selu':
      return z > 0 ? 1.0507009873554805 * z : 1.7580993408473766 * Math.expm1(z);
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    default:
      return z;
  }
}

/** rows × units of act(input·W + b), then the trunk layer's dropout; an output layer's z (the losses apply its activation). */
function dense(
  layer: FusedLayer,
  p: ArrayLike<number>,
  input: number[][],
  dropout: (r: number, u: number) => number,
  output = false,
) {
  return input.map((row, r) =>
    Array.from({ length: layer.units }, (_, u) => {
      let z = p[layer.bias + u] as number;
      for (let i = 0; i < layer.inputs; i++)
        z += (row[i] as number) * (p[layer.kernel + i * layer.units + u] as number);
      return output ? z : activate(layer.activation, z) * dropout(r, u);
    }),
  );
}

/** The loss vector [L₁…L_T, total, w₁…w_T] of one step under assigned weights. */
export function referenceLosses(
  plan: FusedPlan,
  params: ArrayLike<number>,
  data: FusedTrainingData,
  batch: Int32Array,
  step: number,
  weights: Float32Array,
): number[] {
  let h = Array.from(batch, (row) => Array.from(data.x.subarray(row * plan.inputSize, (row + 1) * plan.inputSize)));
  plan.trunk.forEach((layer, l) => {
    h = dense(layer, params, h, (r, u) => dropoutFactor(layer.dropout, plan.seed, step, l, r, u));
  });
  const losses = plan.tasks.map((task, k) => {
    let out = h;
    task.layers.forEach((layer, j) => (out = dense(layer, params, out, () => 1, j === task.layers.length - 1)));
    let sum = 0;
    let count = 0;
    out.forEach((z, r) => {
      const row = batch[r] as number;
      const y = data.targets[k]?.[row] as number;
      const w = data.rowWeights[k]?.[row] as number;
      let l: number;
      if (task.kind === 'regression') l = ((z[0] as number) - y) ** 2;
      else if (task.kind === 'binary') {
        const p = Math.min(Math.max(1 / (1 + Math.exp(-(z[0] as number))), EPS), 1 - EPS);
        l = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
      } else {
        const max = Math.max(...z);
        const e = z.map((v) => Math.exp(v - max));
        const p = (e[y] as number) / e.reduce((a, b) => a + b, 0);
        l = -Math.log(Math.min(Math.max(p, EPS), 1));
      }
      sum += w * l;
      count += w;
    });
    return sum / Math.max(count, 1);
  });
  const w = Array.from(weights);
  return [...losses, losses.reduce((s, l, k) => s + l * (w[k] as number), 0), ...w];
}

/** ∂(Σ wₖLₖ)/∂θᵢ by central differences in float64, for each index (smooth activations only). */
export function numericGradient(
  plan: FusedPlan,
  params: Float32Array,
  data: FusedTrainingData,
  batch: Int32Array,
  step: number,
  weights: Float32Array,
  indices: number[],
  h = 1e-3,
): number[] {
  const at = Float64Array.from(params);
  const total = () => referenceLosses(plan, at, data, batch, step, weights)[plan.tasks.length] as number;
  return indices.map((i) => {
    const x = at[i] as number;
    at[i] = x + h;
    const up = total();
    at[i] = x - h;
    const down = total();
    at[i] = x;
    return (up - down) / (2 * h);
  });
}
