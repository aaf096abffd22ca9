/**
 * Under MMoE, each task's gate as a model of its own, to report how much each task draws on each
 * expert.
 */
import * as tf from '@tensorflow/tfjs';

/** The model's inputs → each task's gate. Shares the model's layers and owns no weights (never dispose it). */
export class ExpertGates {
  private readonly gates: tf.LayersModel;

  /** gates: per task, its gate's softmax output in `model` (the builder's handles). */
  constructor(model: tf.LayersModel, gates: tf.SymbolicTensor[]) {
    this.gates = tf.model({ inputs: model.inputs, outputs: gates });
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
