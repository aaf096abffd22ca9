/**
 * The end of the step: the gradient's global norm (partial sums, then one workgroup that turns
 * them into the clip scale and takes Uncertainty's Adam step on s), and one optimiser pass over
 * every parameter, each in its partition's state: a head that does not train this step keeps its
 * parameters and moments. The arithmetic is TF.js's, operation for operation.
 */
import type { OptimizerKind } from '../../train/optimizerKinds.ts';
import { declarations, type Binding, type ShaderProgram } from './shaderBindings.ts';
import type { StepLayout } from './stepLayout.ts';
import { f32 } from './wgslCommon.ts';

const GROUP = 64;
const UPDATE_GROUP = 256;
const MAX_GROUPS_X = 65535;

/** TF.js's Adam as the update of `x` from gradient `g`, moments in `m` / `v`, with β^(t+1) = acc1 / acc2. */
function adamWgsl(x: string, m: string, v: string, g: string, lr: string, acc1: string, acc2: string, eps: string) {
  return `{
    let nm = ${m} * ${f32(0.9)} + ${g} * ${f32(1 - 0.9)};
    let nv = ${v} * ${f32(0.999)} + (${g} * ${g}) * ${f32(1 - 0.999)};
    let mh = nm / (1.0 - ${acc1});
    let vh = nv / (1.0 - ${acc2});
    ${m} = nm;
    ${v} = nv;
    ${x} = (mh / (sqrt(vh) + ${eps})) * (-${lr}) + ${x};
  }`;
}

/** Σ g² over the gradients (parameters' and log-variances'), one partial sum per workgroup. */
export function normShader(layout: StepLayout): ShaderProgram {
  const bindings: Binding[] = [
    { name: 'grads', access: 'read' },
    { name: 'misc', access: 'read_write' },
  ];
  const stride = GROUP * layout.normGroups;
  const code = `${declarations(layout, bindings)}
var<workgroup> partial: array<f32, ${GROUP}>;

@compute @workgroup_size(${GROUP})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  var s = 0.0;
  for (var i = wid.x * ${GROUP}u + li; i < ${layout.gradFloats}u; i = i + ${stride}u) {
    let g = grads[i];
    s = s + g * g;
  }
  partial[li] = s;
  workgroupBarrier();
  for (var half = ${GROUP / 2}u; half > 0u; half = half / 2u) {
    if (li < half) { partial[li] = partial[li] + partial[li + half]; }
    workgroupBarrier();
  }
  if (li == 0u) { misc[${layout.partials}u + wid.x] = partial[0]; }
}
`;
  return { label: 'gradient norm', code, bindings, workgroups: [layout.normGroups, 1] };
}

/** The clip scale min(1, clipNorm / max(‖g‖, 1e-12)) (1 without clipping), then Uncertainty's Adam step on s. */
export function finalizeShader(layout: StepLayout): ShaderProgram {
  const { clipNorm, parameterCount: P, epsilon } = layout.plan;
  const T = layout.tasks;
  const bindings: Binding[] = [
    { name: 'step', access: 'read' },
    { name: 'grads', access: 'read' },
    { name: 'misc', access: 'read_write' },
  ];
  const scale =
    clipNorm > 0
      ? `var total = 0.0;
  for (var i = 0u; i < ${layout.normGroups}u; i = i + 1u) { total = total + misc[${layout.partials}u + i]; }
  let scale = min(1.0, ${f32(clipNorm)} / max(sqrt(total), ${f32(1e-12)}));`
      : 'let scale = 1.0;';
  const code = `${declarations(layout, bindings)}

@compute @workgroup_size(1)
fn main() {
  ${scale}
  misc[${layout.scale}u] = scale;
  if (step.uncertainty == 0u) { return; }
  for (var k = 0u; k < ${T}u; k = k + 1u) {
    let g = grads[${P}u + k]${clipNorm > 0 ? ' * scale' : ''};
    ${adamWgsl(
      `misc[${layout.strategyValues}u + k]`,
      `misc[${layout.strategyM}u + k]`,
      `misc[${layout.strategyV}u + k]`,
      'g',
      'step.strategyLr',
      'step.strategyAcc1',
      'step.strategyAcc2',
      f32(epsilon),
    )}
  }
}
`;
  return { label: 'clip scale and strategy', code, bindings, workgroups: [1, 1] };
}

/** Workgroups (x, y) covering `count` invocations of UPDATE_GROUP each, within the per-dimension limit. */
function updateGroups(count: number): [number, number] {
  const groups = Math.max(1, Math.ceil(count / UPDATE_GROUP));
  return groups <= MAX_GROUPS_X ? [groups, 1] : [MAX_GROUPS_X, Math.ceil(groups / MAX_GROUPS_X)];
}

function updateWgsl(kind: OptimizerKind, P: number, eps: string): string {
  const x = 'params[i]';
  switch (kind) {
    case 'sgd':
      return `${x} = (-step.lr) * g + ${x};`;
    case 'momentum':
      return `let a = slots[i] * ${f32(0.9)} + g;
  slots[i] = a;
  ${x} = (-step.lr) * a + ${x};`;
    case 'rmsprop':
      return `let ms = slots[i] * ${f32(0.9)} + (g * g) * ${f32(1 - 0.9)};
  let mom = slots[${P}u + i] * 0.0 + (g * step.lr) / sqrt(ms + ${eps});
  slots[i] = ms;
  slots[${P}u + i] = mom;
  ${x} = ${x} - mom;`;
    case 'adam':
      return adamWgsl(x, 'slots[i]', `slots[${P}u + i]`, 'g', 'step.lr', 'part.y', 'part.z', eps);
  }
}

/** One pass of the network's optimiser over every parameter, in its partition's state. */
export function optimizerShader(layout: StepLayout): ShaderProgram {
  const { parameterCount: P, partitions, optimizer, clipNorm, epsilon } = layout.plan;
  const usesSlots = layout.slots > 0;
  const bindings: Binding[] = [
    { name: 'step', access: 'read' },
    { name: 'params', access: 'read_write' },
    { name: 'grads', access: 'read' },
    ...(usesSlots ? [{ name: 'slots', access: 'read_write' } as const] : []),
    ...(clipNorm > 0 ? [{ name: 'misc', access: 'read' } as const] : []),
  ];
  const partition = partitions
    .slice(1)
    .map((p, k) => `  if (i >= ${p.start}u) { p = ${k + 1}u; }`)
    .join('\n');
  const [groupsX] = updateGroups(P);
  const code = `${declarations(layout, bindings)}

@compute @workgroup_size(${UPDATE_GROUP})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let i = (wid.y * ${groupsX}u + wid.x) * ${UPDATE_GROUP}u + li;
  if (i >= ${P}u) { return; }
  var p = 0u;
${partition}
  let part = step.parts[p];
  if (part.x == 0.0) { return; }
  let g = grads[i]${clipNorm > 0 ? ` * misc[${layout.scale}u]` : ''};
  ${updateWgsl(optimizer, P, f32(epsilon))}
}
`;
  return { label: `optimizer ${optimizer}`, code, bindings, workgroups: updateGroups(P) };
}
