/**
 * The fused training step (docs/fused-engine.md, "The step, exactly"): one call gathers the batch,
 * runs the forward pass, the losses, the backward pass, the penalties, the clip and every
 * partition's optimiser update, on a network the JavaScript side described in linear memory
 * (wasmHeader.ts; wasmLayout.ts places every buffer once, so nothing is allocated here).
 */
import { Header, LayerField, OptimizerCode, TaskCode, TaskField, WeightingCode } from '../wasmHeader';
import { activate, activationGradient } from './activations';
import { applyMask, dropout } from './dropout';
import { columnSums, gemm, gemmDot, transpose } from './gemm';
import { taskLoss } from './losses';
import { adam, addPenalties, momentum, rmsprop, scaleAll, sgd, sumOfSquares } from './optimizers';

// Below this many outputs a layer's forward product runs along its inputs (gemmDot), and its kernel gradient is taken transposed.
const NARROW: i32 = 8;

function word(record: usize, field: i32): i32 {
  return load<i32>(record + ((<usize>field) << 2));
}

function pointer(record: usize, field: i32): usize {
  return <usize>load<u32>(record + ((<usize>field) << 2));
}

function real(record: usize, field: i32): f32 {
  return load<f32>(record + ((<usize>field) << 2));
}

function at(base: usize, index: i32): usize {
  return base + ((<usize>index) << 2);
}

/** Where the JavaScript side may start placing its buffers. */
export function heapBase(): usize {
  return __heap_base;
}

function layerAt(cfg: usize, index: i32): usize {
  return pointer(cfg, Header.Layers) + ((<usize>index * <usize>LayerField.Words) << 2);
}

/** Z = In·W + b, then (hidden layers) A = act(Z) and the trunk's dropout. */
function forwardLayer(cfg: usize, layer: usize, rows: i32, stepIndex: i32, hidden: bool): void {
  const inputs = word(layer, LayerField.Inputs);
  const units = word(layer, LayerField.Units);
  const params = pointer(cfg, Header.Params);
  const w = at(params, word(layer, LayerField.Kernel));
  const bias = at(params, word(layer, LayerField.Bias));
  const input = pointer(layer, LayerField.In);
  const z = pointer(layer, LayerField.Z);
  if (units < NARROW) {
    // A one-unit kernel [inputs, 1] is its own transpose.
    let wt = w;
    if (units > 1) {
      wt = pointer(cfg, Header.Scratch);
      transpose(wt, w, inputs, units);
    }
    gemmDot(z, units, input, inputs, wt, inputs, rows, units, inputs, bias);
  } else {
    gemm(z, units, input, inputs, 1, w, units, rows, units, inputs, bias, false);
  }
  if (!hidden) return;
  const a = pointer(layer, LayerField.A);
  activate(word(layer, LayerField.Activation), z, a, rows * units);
  const threshold = <u32>word(layer, LayerField.KeepThreshold);
  if (threshold != 0) {
    const trunkIndex = word(layer, LayerField.TrunkIndex);
    const out = pointer(layer, LayerField.Out);
    const mask = pointer(layer, LayerField.Mask);
    dropout(
      a,
      out,
      mask,
      rows,
      units,
      word(cfg, Header.Seed),
      stepIndex,
      trunkIndex,
      threshold,
      real(layer, LayerField.KeepScale),
    );
  }
}

/** From DOut (∂/∂Out): dZ in place, the kernel and bias gradients, and ∂/∂In into DIn (added when DInAccumulate). */
function backwardLayer(cfg: usize, layer: usize, rows: i32, hidden: bool): void {
  const inputs = word(layer, LayerField.Inputs);
  const units = word(layer, LayerField.Units);
  const params = pointer(cfg, Header.Params);
  const grads = pointer(cfg, Header.Grads);
  const scratch = pointer(cfg, Header.Scratch);
  const kernel = word(layer, LayerField.Kernel);
  const input = pointer(layer, LayerField.In);
  const d = pointer(layer, LayerField.DOut);
  const count = rows * units;
  if (hidden) {
    if (word(layer, LayerField.KeepThreshold) != 0) applyMask(d, pointer(layer, LayerField.Mask), count);
    activationGradient(
      word(layer, LayerField.Activation),
      pointer(layer, LayerField.Z),
      pointer(layer, LayerField.A),
      d,
      count,
    );
  }
  const gw = at(grads, kernel);
  if (units < NARROW) {
    // dWᵀ [units, inputs] = dZᵀ·In, along the inputs, then into place.
    gemm(scratch, inputs, d, 1, units, input, inputs, units, inputs, rows, 0, false);
    transpose(gw, scratch, units, inputs);
  } else {
    gemm(gw, units, input, 1, inputs, d, units, inputs, units, rows, 0, false);
  }
  columnSums(at(grads, word(layer, LayerField.Bias)), d, rows, units);
  const dIn = pointer(layer, LayerField.DIn);
  if (dIn == 0) return;
  let wt = at(params, kernel);
  if (units > 1) {
    transpose(scratch, wt, inputs, units);
    wt = scratch;
  }
  gemm(dIn, inputs, d, units, 1, wt, inputs, rows, inputs, units, 0, word(layer, LayerField.DInAccumulate) != 0);
}

/** This step's weight of each task into the loss vector's last T entries: assigned, or Uncertainty's c·e^(−s)·on. */
function taskWeights(cfg: usize, weighting: i32): void {
  const T = word(cfg, Header.TaskCount);
  const given = pointer(cfg, Header.TaskWeights);
  const losses = pointer(cfg, Header.Losses);
  const s = pointer(cfg, Header.StrategyValues);
  const tasks = pointer(cfg, Header.Tasks);
  for (let k = 0; k < T; k++) {
    let w = load<f32>(at(given, k));
    if (weighting == WeightingCode.Uncertainty) {
      const c: f32 =
        word(tasks + ((<usize>k * <usize>TaskField.Words) << 2), TaskField.Kind) == TaskCode.Regression ? 0.5 : 1;
      w = c * <f32>Math.exp(-(<f64>load<f32>(at(s, k)))) * w;
    }
    store<f32>(at(losses, T + 1 + k), w);
  }
}

/** Uncertainty's ∂/∂sₖ = onₖ·½ − Lₖ·onₖ·cₖ·e^(−sₖ), as TF.js's tape takes it. */
function strategyGradients(cfg: usize): void {
  const T = word(cfg, Header.TaskCount);
  const on = pointer(cfg, Header.TaskWeights);
  const losses = pointer(cfg, Header.Losses);
  const s = pointer(cfg, Header.StrategyValues);
  const out = pointer(cfg, Header.StrategyGrads);
  const tasks = pointer(cfg, Header.Tasks);
  for (let k = 0; k < T; k++) {
    const c: f32 =
      word(tasks + ((<usize>k * <usize>TaskField.Words) << 2), TaskField.Kind) == TaskCode.Regression ? 0.5 : 1;
    const o = load<f32>(at(on, k));
    const e = <f32>Math.exp(-(<f64>load<f32>(at(s, k))));
    store<f32>(at(out, k), o * 0.5 - load<f32>(at(losses, k)) * o * c * e);
  }
}

/** Forward, loss and dZ of every task, into the loss vector's first T + 1 entries (the weights are already in its last T). */
function headsForward(cfg: usize, rows: i32, stepIndex: i32): void {
  const T = word(cfg, Header.TaskCount);
  const tasks = pointer(cfg, Header.Tasks);
  const batch = pointer(cfg, Header.BatchIndices);
  const losses = pointer(cfg, Header.Losses);
  let total: f64 = 0;
  for (let k = 0; k < T; k++) {
    const task = tasks + ((<usize>k * <usize>TaskField.Words) << 2);
    const first = word(task, TaskField.FirstLayer);
    const last = first + word(task, TaskField.LayerCount) - 1;
    for (let l = first; l < last; l++) forwardLayer(cfg, layerAt(cfg, l), rows, stepIndex, true);
    const out = layerAt(cfg, last);
    forwardLayer(cfg, out, rows, stepIndex, false);
    const w = load<f32>(at(losses, T + 1 + k));
    const loss = taskLoss(
      word(task, TaskField.Kind),
      word(task, TaskField.Width),
      pointer(out, LayerField.Z),
      pointer(out, LayerField.A),
      pointer(out, LayerField.DOut),
      rows,
      batch,
      pointer(task, TaskField.Target),
      pointer(task, TaskField.RowWeight),
      w,
    );
    store<f32>(at(losses, k), loss);
    total += <f64>(w * loss);
  }
  store<f32>(at(losses, T), <f32>total);
}

/** Backward through every task with a non-zero weight (the others' heads keep zero gradients), then the trunk. */
function backward(cfg: usize, rows: i32): void {
  const T = word(cfg, Header.TaskCount);
  const trunkCount = word(cfg, Header.TrunkCount);
  const tasks = pointer(cfg, Header.Tasks);
  const losses = pointer(cfg, Header.Losses);
  if (trunkCount > 0) {
    const top = layerAt(cfg, trunkCount - 1);
    memory.fill(pointer(top, LayerField.DOut), 0, (<usize>rows * <usize>word(top, LayerField.Units)) << 2);
  }
  for (let k = 0; k < T; k++) {
    if (load<f32>(at(losses, T + 1 + k)) == 0) continue;
    const task = tasks + ((<usize>k * <usize>TaskField.Words) << 2);
    const first = word(task, TaskField.FirstLayer);
    const last = first + word(task, TaskField.LayerCount) - 1;
    for (let l = last; l >= first; l--) backwardLayer(cfg, layerAt(cfg, l), rows, l < last);
  }
  for (let l = trunkCount - 1; l >= 0; l--) backwardLayer(cfg, layerAt(cfg, l), rows, true);
}

/** Every kernel's L1 / L2 term, the off heads' too (TF.js adds them to every kernel's gradient, and they count in the clip). */
function penalties(cfg: usize, layerCount: i32): void {
  const l1 = real(cfg, Header.L1);
  const l2Twice = real(cfg, Header.L2Twice);
  if (l1 <= 0 && l2Twice <= 0) return;
  const params = pointer(cfg, Header.Params);
  const grads = pointer(cfg, Header.Grads);
  for (let l = 0; l < layerCount; l++) {
    const layer = layerAt(cfg, l);
    const start = word(layer, LayerField.Kernel);
    addPenalties(
      params,
      grads,
      start,
      start + word(layer, LayerField.Inputs) * word(layer, LayerField.Units),
      l1,
      l2Twice,
    );
  }
}

/** Scales every gradient (and the strategy's) by min(1, clipNorm / max(‖g‖, 1e-12)). */
function clip(cfg: usize, paramCount: i32, withStrategy: bool): void {
  const clipNorm = real(cfg, Header.ClipNorm);
  if (clipNorm <= 0) return;
  const T = word(cfg, Header.TaskCount);
  const grads = pointer(cfg, Header.Grads);
  const strategy = pointer(cfg, Header.StrategyGrads);
  let squares = sumOfSquares(grads, paramCount);
  if (withStrategy) squares += sumOfSquares(strategy, T);
  const norm = sqrt<f32>(<f32>squares);
  const scale = min<f32>(1, clipNorm / max<f32>(norm, <f32>1e-12));
  scaleAll(grads, paramCount, scale);
  if (withStrategy) scaleAll(strategy, T, scale);
}

/** One partition's update [start, end) with its bias corrections (Adam). */
function update(cfg: usize, partition: i32, lr: f32): void {
  const ranges = pointer(cfg, Header.Partitions);
  const start = load<i32>(at(ranges, 2 * partition));
  const end = load<i32>(at(ranges, 2 * partition + 1));
  if (end <= start) return;
  const w = pointer(cfg, Header.Params);
  const g = pointer(cfg, Header.Grads);
  const s0 = pointer(cfg, Header.Slot0);
  const s1 = pointer(cfg, Header.Slot1);
  const epsilon = real(cfg, Header.Epsilon);
  const kind = word(cfg, Header.Optimizer);
  if (kind == OptimizerCode.Sgd) sgd(w, g, start, end, lr);
  else if (kind == OptimizerCode.Momentum) momentum(w, g, s0, start, end, lr);
  else if (kind == OptimizerCode.Rmsprop) rmsprop(w, g, s0, s1, start, end, lr, epsilon);
  else {
    const corrections = pointer(cfg, Header.BiasCorrections);
    adam(
      w,
      g,
      s0,
      s1,
      start,
      end,
      lr,
      epsilon,
      load<f32>(at(corrections, 2 * partition)),
      load<f32>(at(corrections, 2 * partition + 1)),
    );
  }
}

/**
 * One training step on the `rows` rows whose indices the JavaScript side wrote to BatchIndices.
 * step: the global step (dropout masks); weighting: WeightingCode; lr: the network's learning
 * rate; strategyLr: Uncertainty's. TaskWeights, HeadTrains and BiasCorrections are this step's.
 */
export function step(cfg: usize, rows: i32, stepIndex: i32, lr: f32, weighting: i32, strategyLr: f32): void {
  const inputSize = word(cfg, Header.InputSize);
  const T = word(cfg, Header.TaskCount);
  const trunkCount = word(cfg, Header.TrunkCount);
  const paramCount = word(cfg, Header.ParamCount);
  const x = pointer(cfg, Header.X);
  const input = pointer(cfg, Header.Input);
  const batch = pointer(cfg, Header.BatchIndices);
  const rowBytes = (<usize>inputSize) << 2;
  for (let b = 0; b < rows; b++)
    memory.copy(input + <usize>b * rowBytes, x + <usize>load<i32>(at(batch, b)) * rowBytes, rowBytes);

  taskWeights(cfg, weighting);
  for (let l = 0; l < trunkCount; l++) forwardLayer(cfg, layerAt(cfg, l), rows, stepIndex, true);
  headsForward(cfg, rows, stepIndex);

  memory.fill(pointer(cfg, Header.Grads), 0, (<usize>paramCount) << 2);
  backward(cfg, rows);
  let layerCount = trunkCount;
  const tasks = pointer(cfg, Header.Tasks);
  for (let k = 0; k < T; k++)
    layerCount += word(tasks + ((<usize>k * <usize>TaskField.Words) << 2), TaskField.LayerCount);
  penalties(cfg, layerCount);
  const uncertainty = weighting == WeightingCode.Uncertainty;
  if (uncertainty) strategyGradients(cfg);
  clip(cfg, paramCount, uncertainty);

  update(cfg, 0, lr);
  const trains = pointer(cfg, Header.HeadTrains);
  for (let k = 0; k < T; k++) if (load<i32>(at(trains, k)) != 0) update(cfg, 1 + k, lr);
  if (uncertainty) {
    const corrections = pointer(cfg, Header.BiasCorrections);
    adam(
      pointer(cfg, Header.StrategyValues),
      pointer(cfg, Header.StrategyGrads),
      pointer(cfg, Header.StrategyM),
      pointer(cfg, Header.StrategyV),
      0,
      T,
      strategyLr,
      real(cfg, Header.Epsilon),
      load<f32>(at(corrections, 2 * (T + 1))),
      load<f32>(at(corrections, 2 * (T + 1) + 1)),
    );
  }
}
