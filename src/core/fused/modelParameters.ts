/**
 * Moves a network's weights between its TF.js model and a fused engine's flat layout (fusedPlan.ts),
 * by layer name, so nothing is lost either way: the model stays the run's record for evaluation,
 * exports and checkpoints.
 */
import * as tf from '@tensorflow/tfjs';
import { planLayers, type FusedPlan } from './fusedPlan.ts';

/** Where each of `model.weights` (kernels and biases of the plan's layers) sits in the flat layout. */
function placements(model: tf.LayersModel, plan: FusedPlan): { index: number; offset: number; size: number }[] {
  const byName = new Map<string, number>();
  for (const l of planLayers(plan)) {
    byName.set(`${l.name}/kernel`, l.kernel);
    byName.set(`${l.name}/bias`, l.bias);
  }
  const found = model.weights.map((w, index) => {
    const offset = byName.get(w.originalName);
    if (offset === undefined) throw new Error(`The fused layout has no place for the weight ${w.originalName}.`);
    return { index, offset, size: (w.shape as number[]).reduce((a, b) => a * b, 1) };
  });
  if (found.reduce((s, p) => s + p.size, 0) !== plan.parameterCount)
    throw new Error('The model and the fused layout hold different numbers of parameters.');
  return found;
}

/** The model's weights in the plan's flat layout (read back asynchronously). */
export async function readModelParameters(model: tf.LayersModel, plan: FusedPlan): Promise<Float32Array> {
  const flat = new Float32Array(plan.parameterCount);
  const weights = model.getWeights();
  const values = await Promise.all(weights.map((w) => w.data()));
  for (const p of placements(model, plan)) flat.set(values[p.index] as Float32Array, p.offset);
  return flat;
}

/** Puts flat parameters (the plan's layout) into the model. */
export function writeModelParameters(model: tf.LayersModel, plan: FusedPlan, flat: Float32Array): void {
  const shapes = model.weights.map((w) => w.shape as number[]);
  const tensors = placements(model, plan).map((p) =>
    tf.tensor(flat.subarray(p.offset, p.offset + p.size), shapes[p.index]),
  );
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}
