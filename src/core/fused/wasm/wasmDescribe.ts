/**
 * Writes the network's description (wasmHeader.ts) and the resident training split into the WASM
 * engine's memory at the places wasmLayout.ts chose: done once, when the engine is made.
 */
import type { FusedTrainingData } from '../fusedEngine.ts';
import { planLayers, type FusedLayer, type FusedPlan } from '../fusedPlan.ts';
import type { WasmLayout } from './wasmLayout.ts';
import { ActivationCode, Header, LayerField, OptimizerCode, TaskCode, TaskField } from './wasmHeader.ts';

const ACTIVATIONS: Record<FusedLayer['activation'], ActivationCode> = {
  relu: ActivationCode.Relu,
  leakyRelu: ActivationCode.LeakyRelu,
  elu: ActivationCode.Elu,
  selu: ActivationCode.Selu,
  tanh: ActivationCode.Tanh,
  sigmoid: ActivationCode.Sigmoid,
  linear: ActivationCode.Linear,
  softmax: ActivationCode.Softmax,
};

const OPTIMIZERS: Record<FusedPlan['optimizer'], OptimizerCode> = {
  sgd: OptimizerCode.Sgd,
  momentum: OptimizerCode.Momentum,
  rmsprop: OptimizerCode.Rmsprop,
  adam: OptimizerCode.Adam,
};

const TASKS: Record<FusedPlan['tasks'][number]['kind'], TaskCode> = {
  binary: TaskCode.Binary,
  multiclass: TaskCode.Multiclass,
  regression: TaskCode.Regression,
};

/** Dropout keeps a unit when its 24 hash bits b satisfy b / 2²⁴ ≥ rate, i.e. b ≥ ⌈rate·2²⁴⌉ (exact: 2²⁴ is a power of two). */
export function keepThreshold(rate: number): number {
  return rate > 0 ? Math.min(Math.ceil(rate * 16777216), 16777216) : 0;
}

/** Why the split does not fit the plan, or null. */
export function dataProblem(plan: FusedPlan, data: FusedTrainingData): string | null {
  if (data.x.length !== data.rows * plan.inputSize)
    return `The split's features hold ${data.x.length} values, not ${data.rows} × ${plan.inputSize}.`;
  const T = plan.tasks.length;
  if (data.targets.length !== T || data.rowWeights.length !== T)
    return `The split has targets for ${data.targets.length} tasks, not ${T}.`;
  const short = [...data.targets, ...data.rowWeights].some((t) => t.length !== data.rows);
  if (short) return `Every task's targets and row weights need ${data.rows} values.`;
  // The step reads a class's probability at the target's index: it must be one of the head's outputs.
  const badClass = plan.tasks.findIndex(
    (task, k) =>
      task.kind === 'multiclass' &&
      (data.targets[k] as Float32Array).some((y) => !(Number.isInteger(y) && y >= 0 && y < task.width)),
  );
  if (badClass >= 0)
    return `Task ${badClass}'s targets are not all class indices below ${plan.tasks[badClass]?.width}.`;
  return null;
}

/** Fills the header, the layer and task records, the partitions, and copies the split in. */
export function describeNetwork(
  buffer: ArrayBuffer,
  layout: WasmLayout,
  plan: FusedPlan,
  data: FusedTrainingData,
): void {
  const i32 = new Int32Array(buffer);
  const f32 = new Float32Array(buffer);
  const word = (base: number, field: number, value: number) => (i32[base / 4 + field] = value);
  const real = (base: number, field: number, value: number) => (f32[base / 4 + field] = value);
  const h = layout.header;
  word(h, Header.InputSize, plan.inputSize);
  word(h, Header.TrunkCount, plan.trunk.length);
  word(h, Header.TaskCount, plan.tasks.length);
  word(h, Header.Optimizer, OPTIMIZERS[plan.optimizer]);
  word(h, Header.Seed, plan.seed | 0);
  word(h, Header.ParamCount, plan.parameterCount);
  const pointers: [Header, number][] = [
    [Header.Params, layout.params],
    [Header.Grads, layout.grads],
    [Header.Slot0, layout.slot0],
    [Header.Slot1, layout.slot1],
    [Header.X, layout.x],
    [Header.BatchIndices, layout.batchIndices],
    [Header.Input, layout.input],
    [Header.Losses, layout.losses],
    [Header.Layers, layout.layerRecords],
    [Header.Tasks, layout.taskRecords],
    [Header.Scratch, layout.scratch],
    [Header.TaskWeights, layout.taskWeights],
    [Header.HeadTrains, layout.headTrains],
    [Header.BiasCorrections, layout.biasCorrections],
    [Header.Partitions, layout.partitions],
    [Header.StrategyValues, layout.strategy.values],
    [Header.StrategyM, layout.strategy.m],
    [Header.StrategyV, layout.strategy.v],
    [Header.StrategyGrads, layout.strategy.grads],
  ];
  for (const [field, at] of pointers) word(h, field, at);
  real(h, Header.L1, plan.l1);
  real(h, Header.L2Twice, 2 * plan.l2);
  real(h, Header.ClipNorm, plan.clipNorm);
  real(h, Header.Epsilon, plan.epsilon);

  planLayers(plan).forEach((l, i) => {
    const r = layout.layerRecords + i * LayerField.Words * 4;
    const b = layout.layers[i];
    if (!b) throw new Error('The WASM layout and the plan disagree on the layers.');
    word(r, LayerField.Inputs, l.inputs);
    word(r, LayerField.Units, l.units);
    word(r, LayerField.Activation, ACTIVATIONS[l.activation]);
    const dropped = b.trunkIndex >= 0 && l.dropout > 0;
    word(r, LayerField.KeepThreshold, dropped ? keepThreshold(l.dropout) : 0);
    real(r, LayerField.KeepScale, dropped ? 1 / (1 - l.dropout) : 1);
    word(r, LayerField.Kernel, l.kernel);
    word(r, LayerField.Bias, l.bias);
    word(r, LayerField.In, b.in);
    word(r, LayerField.Z, b.z);
    word(r, LayerField.A, b.a);
    word(r, LayerField.Out, b.out);
    word(r, LayerField.Mask, b.mask);
    word(r, LayerField.DOut, b.dOut);
    word(r, LayerField.DIn, b.dIn);
    word(r, LayerField.DInAccumulate, b.dInAccumulate ? 1 : 0);
    word(r, LayerField.TrunkIndex, b.trunkIndex);
  });
  let first = plan.trunk.length;
  plan.tasks.forEach((task, k) => {
    const r = layout.taskRecords + k * TaskField.Words * 4;
    word(r, TaskField.Kind, TASKS[task.kind]);
    word(r, TaskField.Width, task.width);
    word(r, TaskField.FirstLayer, first);
    word(r, TaskField.LayerCount, task.layers.length);
    word(r, TaskField.Target, layout.targets[k] as number);
    word(r, TaskField.RowWeight, layout.rowWeights[k] as number);
    first += task.layers.length;
  });
  plan.partitions.forEach((p, i) => {
    i32[layout.partitions / 4 + 2 * i] = p.start;
    i32[layout.partitions / 4 + 2 * i + 1] = p.end;
  });
  f32.set(data.x, layout.x / 4);
  data.targets.forEach((t, k) => f32.set(t, (layout.targets[k] as number) / 4));
  data.rowWeights.forEach((w, k) => f32.set(w, (layout.rowWeights[k] as number) / 4));
}
