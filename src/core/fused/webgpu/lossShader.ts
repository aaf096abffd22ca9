/**
 * The step's losses in one workgroup: per task the output activation (sigmoid, softmax, linear),
 * the masked mean loss L = Σ rᵢℓᵢ / max(Σ rᵢ, 1), the task's weight (assigned, or Uncertainty's
 * c·e^(−s)·on), and the output layer's delta, written the way TF.js's gradients compute it
 * (clipping passes the gradient only inside [ε, 1 − ε]). Also the loss vector into the ring slot
 * and Uncertainty's ∂/∂s into the gradients after the parameters'.
 */
import type { TaskKind } from '../../types.ts';
import { declarations, taskWeightWgsl, type Binding, type ShaderProgram } from './shaderBindings.ts';
import type { LayerSlots, StepLayout } from './stepLayout.ts';
import { ACTIVATIONS_WGSL, f32 } from './wgslCommon.ts';

const GROUP = 64;
const EPS = 1e-7; // taskLosses.ts's EPSILON

/** WGSL computing `l` (the row's loss) and writing the row's delta scaled by `g`, for row r with target y. */
function rowCode(kind: TaskKind, out: LayerSlots, width: number): { loss: string; delta: string } {
  const z = (j: string) => `work[${out.z}u + r * ${width}u + ${j}]`;
  const dz = (j: string) => `work[${out.dz}u + r * ${width}u + ${j}]`;
  if (kind === 'regression')
    return {
      loss: `let d = ${z('0u')} - y; let l = d * d;`,
      delta: `${dz('0u')} = g * ((${z('0u')} - y) * 2.0);`,
    };
  if (kind === 'binary') {
    const head = `let p = act_sigmoid(${z('0u')}); let pc = clamp(p, ${f32(EPS)}, ${f32(1 - EPS)});`;
    return {
      loss: `${head} let l = -(y * log(pc) + (1.0 - y) * log(1.0 - pc));`,
      delta: `${head}
      let dpc = select(0.0, (-g * y) / pc - (-g * (1.0 - y)) / (1.0 - pc), p >= ${f32(EPS)} && p <= ${f32(1 - EPS)});
      ${dz('0u')} = dpc * (p * (1.0 - p));`,
    };
  }
  // Softmax as TF.js computes it: e^(z − max) / Σ; the gradient through log(clip(p_y)) and the softmax.
  const softmax = `var p: array<f32, ${width}>;
      var zmax = ${z('0u')};
      for (var j = 1u; j < ${width}u; j = j + 1u) { zmax = max(zmax, ${z('j')}); }
      var total = 0.0;
      for (var j = 0u; j < ${width}u; j = j + 1u) { p[j] = exp(${z('j')} - zmax); total = total + p[j]; }
      for (var j = 0u; j < ${width}u; j = j + 1u) { p[j] = p[j] / total; }
      let c = min(u32(y), ${width - 1}u);
      let py = p[c];
      let pc = clamp(py, ${f32(EPS)}, 1.0);`;
  return {
    loss: `${softmax} let l = -log(pc);`,
    delta: `${softmax}
      let dpy = select(0.0, -g / pc, py >= ${f32(EPS)});
      let s = dpy * py;
      for (var j = 0u; j < ${width}u; j = j + 1u) {
        ${dz('j')} = select(0.0, s, j == c) - s * p[j];
      }`,
  };
}

export function lossShader(layout: StepLayout): ShaderProgram {
  const T = layout.tasks;
  const P = layout.plan.parameterCount;
  const bindings: Binding[] = [
    { name: 'step', access: 'read' },
    { name: 'work', access: 'read_write' },
    { name: 'data', access: 'read' },
    { name: 'batch', access: 'read' },
    { name: 'grads', access: 'read_write' },
    { name: 'misc', access: 'read' },
    { name: 'ring', access: 'read_write' },
  ];
  const codes = layout.plan.tasks.map((task, k) => ({
    ...rowCode(task.kind, layout.layers[layout.outputs[k] as number] as LayerSlots, task.width),
    factor: task.kind === 'regression' ? 0.5 : 1,
    target: `data[${layout.targets + k * layout.rows}u + row]`,
    weight: `data[${layout.rowWeights + k * layout.rows}u + row]`,
  }));
  // Every task's sums in one pass over the rows and one reduction (few barriers: each costs on SwiftShader).
  const sums = codes.map(
    (c, k) => `    {
      let y = ${c.target};
      let w = ${c.weight};
      ${c.loss}
      sums[${k}] = sums[${k}] + vec2<f32>(l * w, w);
    }`,
  );
  const weights = codes.map(
    (c, k) => `  {
    let total = partial[${k}][0];
    denominators[${k}] = max(total.y, 1.0);
    losses[${k}] = total.x / denominators[${k}];
    let on = ${taskWeightWgsl(k)};
    let e = exp(-misc[${layout.strategyValues + k}u]);
    weights[${k}] = select(on, ${f32(c.factor)} * e * on, step.uncertainty != 0u);
    sgrads[${k}] = 0.5 * on - ((losses[${k}] * on) * ${f32(c.factor)}) * e;
  }`,
  );
  const deltas = codes.map(
    (c, k) => `    {
      let y = ${c.target};
      let g = (weights[${k}] / denominators[${k}]) * ${c.weight};
      ${c.delta}
    }`,
  );
  const code = `${declarations(layout, bindings)}
${ACTIVATIONS_WGSL}
var<workgroup> partial: array<array<vec2<f32>, ${GROUP}>, ${T}>;

@compute @workgroup_size(${GROUP})
fn main(@builtin(local_invocation_index) li: u32) {
  var sums: array<vec2<f32>, ${T}>;
  for (var r = li; r < step.rows; r = r + ${GROUP}u) {
    let row = batch[r];
${sums.join('\n')}
  }
  for (var k = 0u; k < ${T}u; k = k + 1u) { partial[k][li] = sums[k]; }
  workgroupBarrier();
  for (var half = ${GROUP / 2}u; half > 0u; half = half / 2u) {
    if (li < half) {
      for (var k = 0u; k < ${T}u; k = k + 1u) { partial[k][li] = partial[k][li] + partial[k][li + half]; }
    }
    workgroupBarrier();
  }
  var losses: array<f32, ${T}>;
  var denominators: array<f32, ${T}>;
  var weights: array<f32, ${T}>;
  var sgrads: array<f32, ${T}>;
${weights.join('\n')}
  for (var r = li; r < step.rows; r = r + ${GROUP}u) {
    let row = batch[r];
${deltas.join('\n')}
  }
  if (li == 0u) {
    let at = step.slot * ${layout.lossStride}u;
    var total = 0.0;
    for (var k = 0u; k < ${T}u; k = k + 1u) {
      ring[at + k] = losses[k];
      ring[at + ${T + 1}u + k] = weights[k];
      total = total + weights[k] * losses[k];
      grads[${P}u + k] = select(0.0, sgrads[k], step.uncertainty != 0u);
    }
    ring[at + ${T}u] = total;
  }
}
`;
  return { label: 'losses', code, bindings, workgroups: [1, 1] };
}
