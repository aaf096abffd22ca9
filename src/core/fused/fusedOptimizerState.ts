/**
 * Optimiser state between a fused engine's flat layout and TF.js's optimisers as the trainer keeps
 * them (PartitionedOptimizers.state(): the trunk's, each head's, the strategy's), so a run can move
 * from one to the other mid-run, and checkpoints keep the format saved runs have always had.
 * TF.js's getWeights order: `iter`, then each slot kind over the partition's variables in order
 * (Adam m…, v…; RMSProp mean squares…, moments…; momentum accumulations…); a partition that never
 * stepped holds `iter` only.
 */
import type { PackedTensors } from '../train/packedTensors.ts';
import type { FusedOptimizerState } from './fusedEngine.ts';
import { slotCount, type FusedPlan } from './fusedPlan.ts';

const SLOT_NAMES: Record<FusedPlan['optimizer'], string[]> = {
  adam: ['m', 'v'],
  rmsprop: ['rms', 'momentum'],
  momentum: ['momentum'],
  sgd: [],
};

/** The variables of each partition (trunk, then each head), as TF.js's optimisers see them. */
function partitionVariables(plan: FusedPlan): { name: string; offset: number; shape: number[] }[][] {
  const variables = (layers: FusedPlan['trunk']) =>
    layers.flatMap((l) => [
      { name: `${l.name}/kernel`, offset: l.kernel, shape: [l.inputs, l.units] },
      { name: `${l.name}/bias`, offset: l.bias, shape: [l.units] },
    ]);
  return [variables(plan.trunk), ...plan.tasks.map((t) => variables(t.layers))];
}

const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function pack(iterations: number, tensors: { name: string; shape: number[]; values: Float32Array }[]): PackedTensors {
  const data = new Float32Array(1 + tensors.reduce((s, t) => s + t.values.length, 0));
  data[0] = iterations;
  let offset = 1;
  for (const t of tensors) {
    data.set(t.values, offset);
    offset += t.values.length;
  }
  return {
    specs: [{ name: 'iter', shape: [] }, ...tensors.map((t) => ({ name: t.name, shape: t.shape }))],
    data: data.buffer,
  };
}

/** The engine's state as the trainer's optimisers would hold it: [trunk, head₀…, strategy]. */
export function packFusedState(state: FusedOptimizerState, plan: FusedPlan): PackedTensors[] {
  const names = SLOT_NAMES[plan.optimizer];
  const partitions = partitionVariables(plan).map((vars, p) => {
    const iterations = state.iterations[p] ?? 0;
    if (iterations === 0) return pack(0, []);
    const tensors = names.flatMap((slot, s) =>
      vars.map((v) => ({
        name: `${v.name}/${slot}`,
        shape: v.shape,
        values: (state.slots[s] as Float32Array).subarray(v.offset, v.offset + sizeOf(v.shape)),
      })),
    );
    return pack(iterations, tensors);
  });
  const { strategy } = state;
  const T = plan.tasks.length;
  const strategyState =
    strategy.iterations === 0
      ? pack(0, [])
      : pack(strategy.iterations, [
          { name: 'log_variances/m', shape: [T], values: strategy.m },
          { name: 'log_variances/v', shape: [T], values: strategy.v },
        ]);
  return [...partitions, strategyState];
}

/**
 * The trainer's optimiser states in the engine's layout. `logVariances`: Uncertainty's current s
 * (zeros for any other strategy). Throws when the states do not fit the plan.
 */
export function unpackFusedState(
  packed: readonly PackedTensors[],
  plan: FusedPlan,
  logVariances: Float32Array,
): FusedOptimizerState {
  const partitions = partitionVariables(plan);
  if (packed.length !== partitions.length + 1) throw new RangeError('optimiser state: wrong number of optimisers');
  const slots = Array.from({ length: slotCount(plan.optimizer) }, () => new Float32Array(plan.parameterCount));
  const iterations = partitions.map((vars, p) => {
    const state = packed[p] as PackedTensors;
    const values = new Float32Array(state.data);
    if (state.specs.length === 1) return values[0] ?? 0;
    if (state.specs.length !== 1 + slots.length * vars.length)
      throw new RangeError('optimiser state: the optimiser or the network differs');
    let offset = 1;
    for (const slot of slots)
      for (const v of vars) {
        const n = sizeOf(v.shape);
        slot.set(values.subarray(offset, offset + n), v.offset);
        offset += n;
      }
    return values[0] ?? 0;
  });
  const T = plan.tasks.length;
  const strategyPacked = packed[partitions.length] as PackedTensors;
  const s = new Float32Array(strategyPacked.data);
  const stepped = strategyPacked.specs.length === 3 && s.length === 1 + 2 * T;
  return {
    iterations,
    slots,
    strategy: {
      values: Float32Array.from(logVariances),
      m: stepped ? s.slice(1, 1 + T) : new Float32Array(T),
      v: stepped ? s.slice(1 + T, 1 + 2 * T) : new Float32Array(T),
      iterations: stepped ? (s[0] ?? 0) : 0,
    },
  };
}
