/**
 * Where every buffer of the WASM engine lies in its linear memory, decided once from the plan and
 * the training split's size (nothing is allocated step after step): the header and records the
 * module reads (wasmHeader.ts), the parameters, gradients and optimiser slots, the per-layer
 * activations and gradients for a full batch, and the resident split. Pure arithmetic, no memory.
 */
import { planLayers, type FusedLayer, type FusedPlan } from '../fusedPlan.ts';
import { Header, LayerField, TaskField } from './wasmHeader.ts';

/** The most linear memory the engine asks for: 2 GiB, which every browser with WebAssembly grants on 64-bit. */
export const WASM_MEMORY_LIMIT = 2 ** 31;

/** An upper bound on the module's own static data (its __heap_base), for sizing before instantiating. */
export const MODULE_STATIC_BYTES = 64 * 1024;

const PAGE = 65536;
const ALIGN = 64;

/** One layer's buffers (byte addresses, 0 = none). */
export interface LayerBuffers {
  in: number;
  z: number;
  a: number;
  out: number;
  mask: number;
  dOut: number;
  dIn: number;
  dInAccumulate: boolean;
  /** Trunk index (the dropout hash's layer), −1 for a head layer. */
  trunkIndex: number;
}

export interface WasmLayout {
  /** Total bytes of linear memory needed, whole pages. */
  bytes: number;
  header: number;
  layerRecords: number;
  taskRecords: number;
  params: number;
  grads: number;
  slot0: number;
  slot1: number;
  x: number;
  targets: number[];
  rowWeights: number[];
  batchIndices: number;
  input: number;
  losses: number;
  scratch: number;
  taskWeights: number;
  headTrains: number;
  biasCorrections: number;
  partitions: number;
  strategy: { values: number; m: number; v: number; grads: number };
  /** In planLayers order: trunk layers, then each task's. */
  layers: LayerBuffers[];
}

/** A bump allocator over byte addresses, every block 64-byte aligned. */
function allocator(base: number) {
  let next = Math.ceil(base / ALIGN) * ALIGN;
  return {
    floats: (count: number) => {
      const at = next;
      next += Math.ceil((Math.max(count, 1) * 4) / ALIGN) * ALIGN;
      return at;
    },
    end: () => next,
  };
}

/** The layout for `plan` with a training split of `rows` rows, placed from byte address `base` on. */
export function wasmLayout(plan: FusedPlan, rows: number, base: number): WasmLayout {
  const T = plan.tasks.length;
  const B = plan.batchSize;
  const all = planLayers(plan);
  const alloc = allocator(base);
  const header = alloc.floats(Header.Words);
  const layerRecords = alloc.floats(all.length * LayerField.Words);
  const taskRecords = alloc.floats(T * TaskField.Words);
  const losses = alloc.floats(2 * T + 1);
  const taskWeights = alloc.floats(T);
  const headTrains = alloc.floats(T);
  const biasCorrections = alloc.floats(2 * (T + 2));
  const partitions = alloc.floats(2 * (T + 1));
  const strategy = { values: alloc.floats(T), m: alloc.floats(T), v: alloc.floats(T), grads: alloc.floats(T) };
  const P = plan.parameterCount;
  const params = alloc.floats(P);
  const grads = alloc.floats(P);
  const slot0 = alloc.floats(P);
  const slot1 = alloc.floats(P);
  const batchIndices = alloc.floats(B);
  const input = alloc.floats(B * plan.inputSize);
  const scratch = alloc.floats(Math.max(...all.map((l) => l.inputs * l.units)));

  // A hidden layer's activation shares its pre-activation's buffer unless SELU's derivative needs both.
  const hiddenBuffers = (l: FusedLayer, input: number, dIn: number, accumulate: boolean, trunkIndex: number) => {
    const z = alloc.floats(B * l.units);
    const a = l.activation === 'selu' ? alloc.floats(B * l.units) : z;
    const dropped = trunkIndex >= 0 && l.dropout > 0;
    const out = dropped ? alloc.floats(B * l.units) : a;
    const mask = dropped ? alloc.floats(B * l.units) : 0;
    return { in: input, z, a, out, mask, dOut: alloc.floats(B * l.units), dIn, dInAccumulate: accumulate, trunkIndex };
  };
  const layers: LayerBuffers[] = [];
  plan.trunk.forEach((l, i) => {
    const previous = layers[i - 1];
    layers.push(hiddenBuffers(l, previous ? previous.out : input, previous ? previous.dOut : 0, false, i));
  });
  const top = layers[layers.length - 1];
  for (const task of plan.tasks) {
    let from = top ? top.out : input;
    let dFrom = top ? top.dOut : 0;
    let accumulate = top !== undefined; // every head adds its part to the trunk's gradient
    task.layers.forEach((l, j) => {
      if (j < task.layers.length - 1) {
        const hidden = hiddenBuffers(l, from, dFrom, accumulate, -1);
        layers.push(hidden);
        [from, dFrom, accumulate] = [hidden.out, hidden.dOut, false];
        return;
      }
      const z = alloc.floats(B * l.units);
      const a = alloc.floats(B * l.units);
      layers.push({
        in: from,
        z,
        a,
        out: a,
        mask: 0,
        dOut: alloc.floats(B * l.units),
        dIn: dFrom,
        dInAccumulate: accumulate,
        trunkIndex: -1,
      });
    });
  }
  // The resident split last: it is the large part.
  const x = alloc.floats(rows * plan.inputSize);
  const targets = plan.tasks.map(() => alloc.floats(rows));
  const rowWeights = plan.tasks.map(() => alloc.floats(rows));
  const bytes = Math.ceil(alloc.end() / PAGE) * PAGE;
  return {
    bytes,
    header,
    layerRecords,
    taskRecords,
    params,
    grads,
    slot0,
    slot1,
    x,
    targets,
    rowWeights,
    batchIndices,
    input,
    losses,
    scratch,
    taskWeights,
    headTrains,
    biasCorrections,
    partitions,
    strategy,
    layers,
  };
}

/** Bytes of linear memory the engine would hold for `plan` and a split of `rows` rows. */
export function wasmMemoryBytes(plan: FusedPlan, rows: number): number {
  return wasmLayout(plan, rows, MODULE_STATIC_BYTES).bytes;
}

/** Why the WASM engine cannot take this plan and split (in English, for the error it rejects with), or null. */
export function wasmPlanProblem(plan: FusedPlan, rows: number): string | null {
  if (!Number.isInteger(plan.batchSize) || plan.batchSize < 1)
    return `Batch size ${plan.batchSize} is not a positive integer.`;
  if (!Number.isInteger(rows) || rows < 1) return 'The training split has no rows.';
  const bytes = wasmMemoryBytes(plan, rows);
  if (bytes > WASM_MEMORY_LIMIT)
    return `The network and training split need ${Math.ceil(bytes / 2 ** 20)} MiB of WebAssembly memory; the limit is ${WASM_MEMORY_LIMIT / 2 ** 20} MiB.`;
  return null;
}
