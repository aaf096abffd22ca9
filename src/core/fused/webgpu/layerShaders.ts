/**
 * Each layer's three step shaders, generated for the plan with every size and offset a constant:
 * the forward pass (matmul, bias, activation and dropout in one), the weight gradient (the kernel
 * and, from the same tiles, the bias, with the L1 / L2 penalties fused) and the delta flowing
 * back into a hidden layer (every consumer's delta times its kernel, through dropout and the
 * activation's derivative). Outputs past the step's rows are not written, and never read.
 */
import { matmulWgsl, tileGroups, tileShape, type MatmulPhase } from './matmulWgsl.ts';
import { declarations, STEP_UNIFORM, type Binding, type ShaderProgram } from './shaderBindings.ts';
import type { LayerSlots, StepLayout } from './stepLayout.ts';
import { ACTIVATIONS_WGSL, DROPOUT_WGSL, dropoutFactorWgsl, f32 } from './wgslCommon.ts';

function inputBindings(s: LayerSlots): Binding[] {
  return s.source.kind === 'data'
    ? [
        { name: 'data', access: 'read' },
        { name: 'batch', access: 'read' },
      ]
    : [];
}

/** The layer's input as the A operand of a product over k = its inputs (rows m of the batch). */
function inputRows(layout: StepLayout, s: LayerSlots): Pick<MatmulPhase, 'rowSetup' | 'a'> {
  if (s.source.kind === 'data') {
    const width = layout.plan.inputSize;
    return { rowSetup: (m, id) => `let r${id} = batch[${m}] * ${width}u;`, a: (_, id) => `data[r${id} + k]` };
  }
  const src = layout.layers[s.source.index] as LayerSlots;
  return {
    rowSetup: (m, id) => `let r${id} = ${src.a}u + ${m} * ${src.layer.units}u;`,
    a: (_, id) => `work[r${id} + k]`,
  };
}

/** The layer's input transposed, as the A operand of a product over k = the batch's rows (m = input index). */
function inputColumns(layout: StepLayout, s: LayerSlots): Pick<MatmulPhase, 'perK' | 'a'> {
  if (s.source.kind === 'data') {
    const width = layout.plan.inputSize;
    return { perK: `let xr = batch[k] * ${width}u;`, a: (m) => `data[xr + ${m}]` };
  }
  const src = layout.layers[s.source.index] as LayerSlots;
  return { a: (m) => `work[${src.a}u + k * ${src.layer.units}u + ${m}]` };
}

/** z = input·W + b, stored; a = act(z)·dropout, stored (a head's output layer leaves its activation to the loss shader). */
export function forwardShader(layout: StepLayout, s: LayerSlots): ShaderProgram {
  const { inputs: K, units: N, kernel, bias, activation } = s.layer;
  const bindings: Binding[] = [
    STEP_UNIFORM,
    { name: 'params', access: 'read' },
    { name: 'work', access: 'read_write' },
    ...inputBindings(s),
  ];
  const drop = s.trunkIndex >= 0 ? dropoutFactorWgsl(s.layer, s.trunkIndex, 'm', 'n') : null;
  const epilogue = s.output
    ? ''
    : `let y = act_${activation}(z);
  work[${s.a}u + m * ${N}u + n] = ${drop ? `y * ${drop}` : 'y'};`;
  const header = `${declarations(layout, bindings)}
${ACTIVATIONS_WGSL}
${drop ? DROPOUT_WGSL : ''}
fn store(m: u32, n: u32, v: f32) {
  if (m >= step.rows || n >= ${N}u) { return; }
  let z = v + params[${bias}u + n];
  work[${s.z}u + m * ${N}u + n] = z;
  ${epilogue}
}`;
  const shape = tileShape(N);
  const phase: MatmulPhase = { k: `${K}u`, ...inputRows(layout, s), b: (n) => `params[${kernel}u + k * ${N}u + ${n}]` };
  return {
    label: `forward ${s.layer.name}`,
    code: matmulWgsl({ shape, header, mBound: 'step.rows', nBound: `${N}u`, phases: [phase], store: 'store' }),
    bindings,
    workgroups: tileGroups(shape, layout.plan.batchSize, N),
  };
}

/** dW = inputᵀ·dz (+ l1·sign(W) + 2·l2·W), db = Σ_rows dz, into the gradients. */
export function weightGradShader(layout: StepLayout, s: LayerSlots): ShaderProgram {
  const { inputs: K, units: N, kernel, bias } = s.layer;
  const { l1, l2 } = layout.plan;
  const bindings: Binding[] = [
    STEP_UNIFORM,
    { name: 'params', access: 'read' },
    { name: 'grads', access: 'read_write' },
    { name: 'work', access: 'read_write' },
    ...inputBindings(s),
  ];
  // TF.js adds the penalties only when one is on: g + (sign(W)·l1 + W·(2·l2)).
  const penalty = l1 > 0 || l2 > 0 ? ` + (sign(params[i]) * ${f32(l1)} + params[i] * ${f32(2 * l2)})` : '';
  const header = `${declarations(layout, bindings)}
fn store(m: u32, n: u32, v: f32) {
  if (m >= ${K}u || n >= ${N}u) { return; }
  let i = ${kernel}u + m * ${N}u + n;
  grads[i] = v${penalty};
}
fn storeBias(n: u32, v: f32) {
  if (n >= ${N}u) { return; }
  grads[${bias}u + n] = v;
}`;
  const shape = tileShape(N);
  const phase: MatmulPhase = {
    k: 'step.rows',
    ...inputColumns(layout, s),
    b: (n) => `work[${s.dz}u + k * ${N}u + ${n}]`,
  };
  return {
    label: `weight gradient ${s.layer.name}`,
    code: matmulWgsl({
      shape,
      header,
      mBound: `${K}u`,
      nBound: `${N}u`,
      phases: [phase],
      store: 'store',
      columnSum: 'storeBias',
    }),
    bindings,
    workgroups: tileGroups(shape, K, N),
  };
}

/** dz of a hidden layer = (Σ over consumers c of dz_c·W_cᵀ) · dropout · act′(z). */
export function deltaShader(layout: StepLayout, s: LayerSlots): ShaderProgram {
  const { units: N, activation } = s.layer;
  const bindings: Binding[] = [
    STEP_UNIFORM,
    { name: 'params', access: 'read' },
    { name: 'work', access: 'read_write' },
  ];
  const phases: MatmulPhase[] = s.consumers.map((c) => {
    const consumer = layout.layers[c] as LayerSlots;
    const U = consumer.layer.units;
    return {
      k: `${U}u`,
      rowSetup: (m, id) => `let r${id} = ${consumer.dz}u + ${m} * ${U}u;`,
      colSetup: (n, id) => `let w${id} = ${consumer.layer.kernel}u + ${n} * ${U}u;`,
      a: (_, id) => `work[r${id} + k]`,
      b: (_, id) => `params[w${id} + k]`,
    };
  });
  const drop = s.trunkIndex >= 0 ? dropoutFactorWgsl(s.layer, s.trunkIndex, 'm', 'n') : null;
  const header = `${declarations(layout, bindings)}
${ACTIVATIONS_WGSL}
${drop ? DROPOUT_WGSL : ''}
fn store(m: u32, n: u32, v: f32) {
  if (m >= step.rows || n >= ${N}u) { return; }
  let z = work[${s.z}u + m * ${N}u + n];
  let d = ${drop ? `v * ${drop}` : 'v'};
  work[${s.dz}u + m * ${N}u + n] = d * der_${activation}(z, act_${activation}(z));
}`;
  const shape = tileShape(N);
  return {
    label: `delta ${s.layer.name}`,
    code: matmulWgsl({ shape, header, mBound: 'step.rows', nBound: `${N}u`, phases, store: 'store' }),
    bindings,
    workgroups: tileGroups(shape, layout.plan.batchSize, N),
  };
}
