/**
 * Fresh, reproducible dropout masks. TF.js's Dropout layer seeds a new random generator with the
 * layer's fixed `seed` on every call, so every training step would drop the same units at each
 * batch position. Before each step the trainer gives every Dropout layer a seed derived from its
 * own seed and the step: a new mask per step, the same run for the same Seed, and one mask for all
 * the passes within a step (PCGrad and GradNorm run the model more than once per step).
 */
import type * as tf from '@tensorflow/tfjs';

/** The field TF.js's Dropout layer reads its seed from (public in Keras, private in TF.js's typings). */
type SeededLayer = { seed?: number };

export class DropoutMasks {
  private readonly layers: SeededLayer[];
  private readonly baseSeeds: number[];

  constructor(model: tf.LayersModel) {
    this.layers = model.layers.filter((l) => l.getClassName() === 'Dropout') as unknown as SeededLayer[];
    this.baseSeeds = this.layers.map((l) => l.seed ?? 0);
  }

  /** Seeds every dropout layer for training step `step` (0, 1, 2, …). */
  forStep(step: number): void {
    // A large prime stride keeps the layers' seed sequences apart (their bases differ by small integers).
    this.layers.forEach((layer, i) => (layer.seed = (this.baseSeeds[i] as number) + (step + 1) * 1_000_003));
  }
}
