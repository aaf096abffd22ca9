/**
 * Where everything of a step lives in the engine's GPU buffers, fixed by the plan: each layer's
 * pre-activations, activations and deltas in one work buffer, the training split in one data
 * buffer, the strategy's state and the clipping scratch in one small buffer, and the step's
 * uniform. Offsets are in floats (4 bytes); the shaders get them as constants.
 */
import type { FusedTrainingData } from '../fusedEngine.ts';
import { planLayers, slotCount, type FusedLayer, type FusedPlan } from '../fusedPlan.ts';

/** Where a layer's input comes from: the gathered rows of the split, or another layer's activations. */
export type LayerSource = { kind: 'data' } | { kind: 'layer'; index: number };

export interface LayerSlots {
  layer: FusedLayer;
  /** Index into planLayers(plan) (trunk first, then each head's). */
  index: number;
  /** Trunk layer index (the dropout hash's layer), or -1 for a head layer. */
  trunkIndex: number;
  /** Whether its activation is applied by the loss shader (a head's output layer). */
  output: boolean;
  source: LayerSource;
  /** Layers that take this one's activations (their deltas flow back into it). */
  consumers: number[];
  /** Offsets in the work buffer: z [B, units], a [B, units] (-1 for output layers), dz [B, units]. */
  z: number;
  a: number;
  dz: number;
}

/** At most this many workgroups reduce the gradient norm (each at least 4096 floats). */
const NORM_GROUPS_MAX = 64;

export interface StepLayout {
  plan: FusedPlan;
  tasks: number;
  layers: LayerSlots[];
  /** Each task's output layer (index into layers). */
  outputs: number[];
  workFloats: number;
  /** Data buffer: x at 0, task k's targets at targets + k·rows, its row weights at rowWeights + k·rows. */
  rows: number;
  targets: number;
  rowWeights: number;
  dataFloats: number;
  /** Gradients: every parameter, then the strategy's log-variances' [T]. */
  gradFloats: number;
  /** Optimiser slots per parameter (slotCount). */
  slots: number;
  /** Misc buffer: s [T], m [T], v [T], the clip scale, the norm partials. */
  strategyValues: number;
  strategyM: number;
  strategyV: number;
  scale: number;
  partials: number;
  normGroups: number;
  miscFloats: number;
  /** Loss vector [L₁…L_T, total, w₁…w_T] per ring slot. */
  lossStride: number;
  /** Uniform: 8 scalars, the task weights as vec4s, then per partition (trains, β₁^(t+1), β₂^(t+1), 0). */
  weightVec4s: number;
  uniformBytes: number;
}

export function stepLayout(plan: FusedPlan, data: FusedTrainingData): StepLayout {
  const B = plan.batchSize;
  const all = planLayers(plan);
  const trunkCount = plan.trunk.length;
  const layers: LayerSlots[] = [];
  let work = 0;
  const take = (n: number) => {
    const at = work;
    work += n;
    return at;
  };
  const place = (layer: FusedLayer, index: number, trunkIndex: number, output: boolean, source: LayerSource) => {
    const n = B * layer.units;
    layers.push({
      layer,
      index,
      trunkIndex,
      output,
      source,
      consumers: [],
      z: take(n),
      a: output ? -1 : take(n),
      dz: take(n),
    });
  };
  plan.trunk.forEach((l, i) => place(l, i, i, false, i === 0 ? { kind: 'data' } : { kind: 'layer', index: i - 1 }));
  const headInput: LayerSource = trunkCount > 0 ? { kind: 'layer', index: trunkCount - 1 } : { kind: 'data' };
  const outputs: number[] = [];
  let index = trunkCount;
  for (const task of plan.tasks) {
    task.layers.forEach((l, j) => {
      const output = j === task.layers.length - 1;
      place(l, index, -1, output, j === 0 ? headInput : { kind: 'layer', index: index - 1 });
      if (output) outputs.push(index);
      index++;
    });
  }
  if (index !== all.length) throw new Error('fused layout: the plan has layers outside the trunk and heads');
  for (const slots of layers)
    if (slots.source.kind === 'layer') layers[slots.source.index]?.consumers.push(slots.index);

  const T = plan.tasks.length;
  const P = plan.parameterCount;
  const rows = data.rows;
  const targets = rows * plan.inputSize;
  const rowWeights = targets + T * rows;
  const gradFloats = P + T;
  const normGroups = Math.max(1, Math.min(NORM_GROUPS_MAX, Math.ceil(gradFloats / 4096)));
  const weightVec4s = Math.max(1, Math.ceil(T / 4));
  return {
    plan,
    tasks: T,
    layers,
    outputs,
    workFloats: Math.max(1, work),
    rows,
    targets,
    rowWeights,
    dataFloats: Math.max(1, rowWeights + T * rows),
    gradFloats,
    slots: slotCount(plan.optimizer),
    strategyValues: 0,
    strategyM: T,
    strategyV: 2 * T,
    scale: 3 * T,
    partials: 3 * T + 1,
    normGroups,
    miscFloats: 3 * T + 1 + normGroups,
    lossStride: 2 * T + 1,
    weightVec4s,
    uniformBytes: 32 + 16 * weightVec4s + 16 * (T + 1),
  };
}

/** The training split in the data buffer's layout. */
export function packTrainingData(layout: StepLayout, data: FusedTrainingData): Float32Array<ArrayBuffer> {
  const packed = new Float32Array(layout.dataFloats);
  packed.set(data.x.subarray(0, layout.rows * layout.plan.inputSize), 0);
  for (let k = 0; k < layout.tasks; k++) {
    const target = data.targets[k];
    const weight = data.rowWeights[k];
    if (!target || !weight || target.length < layout.rows || weight.length < layout.rows)
      throw new RangeError(`fused data: task ${k} has no target or row weight for every row`);
    packed.set(target.subarray(0, layout.rows), layout.targets + k * layout.rows);
    packed.set(weight.subarray(0, layout.rows), layout.rowWeights + k * layout.rows);
  }
  return packed;
}
