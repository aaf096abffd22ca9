/**
 * The mixture-of-experts parts the trainer needs besides the model itself: where GradNorm measures
 * gradient norms (each expert's last layer) and each task's gate, to report how much it draws on
 * each expert.
 */
import * as tf from '@tensorflow/tfjs';
import { headPrefix, trunkLayerName } from '../model/buildMultiTaskModel.ts';

/**
 * Kernels of the last shared dense layer, one per expert (one for a shared trunk; none without a
 * trunk layer). getLayer throws on a missing name, so GradNorm never silently measures another layer.
 */
export function lastSharedKernels(model: tf.LayersModel, trunkLength: number, experts: number): tf.Variable[] {
  if (trunkLength === 0) return [];
  const names =
    experts > 1
      ? Array.from({ length: experts }, (_, e) => trunkLayerName(trunkLength, e + 1))
      : [trunkLayerName(trunkLength, null)];
  return names.map((name) => model.getLayer(name).trainableWeights[0]?.read() as tf.Variable);
}

/** The model's inputs → each task's gate. Shares the model's layers and owns no weights (never dispose it). */
export class ExpertGates {
  private readonly gates: tf.LayersModel;

  constructor(model: tf.LayersModel, taskCount: number) {
    const outputs = Array.from(
      { length: taskCount },
      (_, k) => model.getLayer(`${headPrefix(k)}gate`).output as tf.SymbolicTensor,
    );
    this.gates = tf.model({ inputs: model.inputs, outputs });
  }

  /** Each task's mean gate weight per expert over the first `rows` rows of `inputs`: [task][expert], rows summing to 1. */
  async meanUsage(inputs: tf.Tensor[], rows: number): Promise<number[][]> {
    const usage = tf.tidy(() => {
      const out = this.gates.predict(
        inputs.map((input) => input.slice([0, 0], [rows, -1])),
        { batchSize: rows },
      );
      return tf.stack((Array.isArray(out) ? out : [out]).map((g) => tf.mean(g, 0)));
    });
    try {
      return (await usage.array()) as number[][];
    } finally {
      usage.dispose();
    }
  }
}
