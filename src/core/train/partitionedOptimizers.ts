/**
 * One optimiser for the shared trunk, one per head and one for a weighting strategy's own
 * variables. TF.js optimisers key their state (Adam's moments) by position in the variable list,
 * so a head left out of a step (its task off) must not shift the other heads' state.
 */
import * as tf from '@tensorflow/tfjs';
import { createOptimizer, setLearningRate, type OptimizerKind } from './optimizers.ts';
import { packTensors, unpackTensors, type PackedTensors } from './packedTensors.ts';

export class PartitionedOptimizers {
  private trunk!: tf.Optimizer;
  private heads!: tf.Optimizer[];
  private strategy!: tf.Optimizer;

  constructor(
    private readonly kind: OptimizerKind,
    private readonly taskCount: number,
    learningRate: number,
  ) {
    this.create(learningRate);
  }

  /** Updates the trunk's variables, and the variables of each head that `trains`. */
  step(grads: tf.NamedTensorMap, trunk: tf.Variable[], heads: tf.Variable[][], trains: (k: number) => boolean): void {
    this.trunk.applyGradients(pick(grads, trunk));
    this.heads.forEach((optimizer, k) => {
      if (trains(k)) optimizer.applyGradients(pick(grads, heads[k] as tf.Variable[]));
    });
  }

  /** Updates a weighting strategy's own variables (always with Adam). */
  stepStrategy(grads: tf.NamedTensorMap, variables: tf.Variable[]): void {
    this.strategy.applyGradients(pick(grads, variables));
  }

  /** A new strategy starts from fresh optimiser state. */
  resetStrategy(learningRate: number): void {
    this.strategy.dispose();
    this.strategy = createOptimizer('adam', learningRate);
  }

  /** The network's learning rate (the strategy's optimiser keeps its own). */
  setLearningRate(learningRate: number): void {
    [this.trunk, ...this.heads].forEach((o) => setLearningRate(o, learningRate));
  }

  /** Forgets all optimiser state (moments), e.g. after a divergence filled it with NaN. */
  reset(learningRate: number): void {
    this.dispose();
    this.create(learningRate);
  }

  /** Every optimiser's state (moments, iteration count) as data: the trunk's, each head's, the strategy's. */
  async state(): Promise<PackedTensors[]> {
    const lists = await Promise.all(this.all().map((o) => o.getWeights()));
    try {
      return await Promise.all(lists.map((named) => packTensors(named)));
    } finally {
      // getWeights hands out the moment variables themselves, and a fresh iteration scalar (ours to free).
      lists.forEach((named) => named.filter((n) => n.name === 'iter').forEach((n) => n.tensor.dispose()));
    }
  }

  /** Puts a saved state back (as {@link state} gave it), so the next step is the one the saved run would have taken. */
  async restore(states: readonly PackedTensors[]): Promise<void> {
    if (states.length !== this.all().length) throw new RangeError('optimiser state: wrong number of optimisers');
    this.renew(); // setWeights replaces an optimiser's slots without freeing the old ones
    for (const [i, optimizer] of this.all().entries()) {
      const named = unpackTensors(states[i] as PackedTensors);
      try {
        await optimizer.setWeights(named);
      } finally {
        tf.dispose(named.map((n) => n.tensor)); // the optimiser made variables of its own from them
      }
    }
  }

  /** Fresh optimisers with the same learning rates (their state is about to be set). */
  private renew(): void {
    const rate = (o: tf.Optimizer) => (o as tf.Optimizer & { learningRate: number }).learningRate;
    const trunkRate = rate(this.trunk);
    const headRates = this.heads.map(rate);
    const strategyRate = rate(this.strategy);
    this.dispose();
    this.trunk = createOptimizer(this.kind, trunkRate);
    this.heads = headRates.map((r) => createOptimizer(this.kind, r));
    this.strategy = createOptimizer('adam', strategyRate);
  }

  private all(): tf.Optimizer[] {
    return [this.trunk, ...this.heads, this.strategy];
  }

  dispose(): void {
    [this.trunk, ...this.heads, this.strategy].forEach((o) => o.dispose());
  }

  private create(learningRate: number): void {
    this.trunk = createOptimizer(this.kind, learningRate);
    this.heads = Array.from({ length: this.taskCount }, () => createOptimizer(this.kind, learningRate));
    this.strategy = createOptimizer('adam', learningRate);
  }
}

/** The gradients of some variables, in their order (so an optimiser's state lines up). */
function pick(grads: tf.NamedTensorMap, variables: tf.Variable[]): tf.NamedTensorMap {
  return Object.fromEntries(variables.filter((v) => grads[v.name]).map((v) => [v.name, grads[v.name] as tf.Tensor]));
}
