/**
 * Which networks the fused engines train, and how they lay the network out in memory: every
 * parameter in one flat array (trunk layers, then each task's head), kernels [in, out] row-major
 * as TF.js keeps them, each partition (trunk, head k) contiguous. A network the engines do not
 * cover gets the reason instead, and trains on TF.js.
 */
import { message, type Message } from '../messages/message.ts';
import { outputUnits, trunkLayerName, headPrefix } from '../model/outputUnits.ts';
import type { OptimizerKind } from '../train/optimizerKinds.ts';
import type { Activation, ModelSpec, TaskKind } from '../types.ts';
import type { WeightingStrategy } from '../weighting/strategies.ts';

/** A dense layer: y = act(x·W + b), then dropout (trunk layers only). */
export interface FusedLayer {
  /** The TF.js layer it mirrors (its weights are `<name>/kernel`, `<name>/bias`). */
  name: string;
  inputs: number;
  units: number;
  /** A hidden activation, or a head's output one (sigmoid for binary, softmax, linear for regression). */
  activation: Activation | 'softmax';
  dropout: number;
  /** Offsets into the flat parameters: kernel [inputs·units], then bias [units]. */
  kernel: number;
  bias: number;
}

export interface FusedTask {
  kind: TaskKind;
  /** Output width: 1, or the number of classes. */
  width: number;
  /** Optional hidden layer, then the output layer. */
  layers: FusedLayer[];
}

export interface ParameterRange {
  start: number;
  end: number;
}

export interface FusedPlan {
  inputSize: number;
  trunk: FusedLayer[];
  tasks: FusedTask[];
  parameterCount: number;
  /** [start, end) per partition: 0 = trunk, 1 + k = task k's head. */
  partitions: ParameterRange[];
  /** Every kernel's range (L1 / L2 apply to kernels only, as in TF.js's step). */
  kernels: ParameterRange[];
  /** Widest layer (inputs or units), for scratch space. */
  maxWidth: number;
  batchSize: number;
  optimizer: OptimizerKind;
  l1: number;
  l2: number;
  clipNorm: number;
  /** The backend's ε (TF.js's Adam and RMSProp use it): 1e-7 on float32 backends. */
  epsilon: number;
  /** Dropout masks' seed (the run's Seed). */
  seed: number;
}

/** What the plan is made from: the model's shape and the step's settings. */
export interface FusedPlanInput {
  spec: ModelSpec;
  batchSize: number;
  optimizer: OptimizerKind;
  l1: number;
  l2: number;
  clipNorm: number;
  epsilon: number;
  seed: number;
}

const OUTPUT_ACTIVATION: Record<TaskKind, FusedLayer['activation']> = {
  binary: 'sigmoid',
  multiclass: 'softmax',
  regression: 'linear',
};

/** Strategies whose step the engines run (GradNorm and PCGrad need several backward passes per step). */
export const FUSED_STRATEGIES: readonly WeightingStrategy[] = ['manual', 'equal', 'uncertainty', 'dwa'];

/** Why a strategy trains on TF.js, or null when the engines run it. */
export function strategyProblem(strategy: WeightingStrategy): Message | null {
  if (FUSED_STRATEGIES.includes(strategy)) return null;
  return message('messages.engine.unsupported.strategy', { strategy: strategyName(strategy) });
}

/** The strategies the engines leave to TF.js, by name (the others never need saying). */
const STRATEGY_NAMES: Partial<Record<WeightingStrategy, string>> = {
  gradnorm: 'messages.engine.strategyNames.gradnorm',
  pcgrad: 'messages.engine.strategyNames.pcgrad',
};

/** A strategy the engines leave to TF.js, by name. */
export function strategyName(strategy: WeightingStrategy): Message {
  return message(STRATEGY_NAMES[strategy] ?? 'messages.engine.strategyNames.pcgrad');
}

/** The flat layout of a network, or why the engines cannot train it. */
export function planFusedStep(input: FusedPlanInput): { plan: FusedPlan } | { problem: Message } {
  const { spec } = input;
  if ((spec.experts ?? 1) > 1) return { problem: message('messages.engine.unsupported.experts') };
  if (spec.embeddings.length > 0) return { problem: message('messages.engine.unsupported.embeddings') };
  if (spec.tasks.some((t) => t.chainedTo !== undefined))
    return { problem: message('messages.engine.unsupported.chained') };
  if (spec.inputSize <= 0) return { problem: message('messages.engine.unsupported.noInputs') };
  let offset = 0;
  const layer = (
    name: string,
    inputs: number,
    units: number,
    activation: FusedLayer['activation'],
    dropout: number,
  ) => {
    const kernel = offset;
    const bias = kernel + inputs * units;
    offset = bias + units;
    return { name, inputs, units, activation, dropout, kernel, bias };
  };
  let width = spec.inputSize;
  const trunk = spec.trunk.map((l, i) => {
    const made = layer(trunkLayerName(i + 1, null), width, l.units, l.activation, l.dropout);
    width = l.units;
    return made;
  });
  const partitions: ParameterRange[] = [{ start: 0, end: offset }];
  const headActivation = spec.trunk[spec.trunk.length - 1]?.activation ?? 'relu';
  const tasks = spec.tasks.map((task, k) => {
    const start = offset;
    const layers: FusedLayer[] = [];
    let w = width;
    const hidden = spec.headHidden[k] ?? 0;
    if (hidden > 0) {
      layers.push(layer(`${headPrefix(k)}hidden`, w, hidden, headActivation, 0));
      w = hidden;
    }
    const out = outputUnits(task.kind, task.numClasses);
    layers.push(layer(`${headPrefix(k)}output`, w, out, OUTPUT_ACTIVATION[task.kind], 0));
    partitions.push({ start, end: offset });
    return { kind: task.kind, width: out, layers };
  });
  const all = [...trunk, ...tasks.flatMap((t) => t.layers)];
  return {
    plan: {
      inputSize: spec.inputSize,
      trunk,
      tasks,
      parameterCount: offset,
      partitions,
      kernels: all.map((l) => ({ start: l.kernel, end: l.bias })),
      maxWidth: Math.max(spec.inputSize, ...all.map((l) => Math.max(l.inputs, l.units))),
      batchSize: input.batchSize,
      optimizer: input.optimizer,
      l1: input.l1,
      l2: input.l2,
      clipNorm: input.clipNorm,
      epsilon: input.epsilon,
      seed: input.seed,
    },
  };
}

/** Every layer of the plan, trunk first, then each head's in task order. */
export function planLayers(plan: FusedPlan): FusedLayer[] {
  return [...plan.trunk, ...plan.tasks.flatMap((t) => t.layers)];
}

/** The optimiser's slots per parameter (see FusedOptimizerState). */
export function slotCount(kind: OptimizerKind): number {
  return kind === 'adam' || kind === 'rmsprop' ? 2 : kind === 'momentum' ? 1 : 0;
}
