/**
 * A model's weights as plain data (for saved runs): each weight's name and shape, and every value
 * as one float32 buffer in `model.getWeights()` order. Read from clones taken at once, so training
 * can go on while the values come back.
 */
import * as tf from '@tensorflow/tfjs';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import { packTensors, type PackedTensors } from '../core/train/packedTensors.ts';

export type WeightsData = PackedTensors;

export async function readWeights(model: tf.LayersModel): Promise<WeightsData> {
  const names = model.weights.map((w) => w.originalName);
  const clones = tf.tidy(() => model.getWeights().map((w) => tf.clone(w)));
  try {
    return await packTensors(clones.map((tensor, i) => ({ name: names[i] as string, tensor })));
  } finally {
    tf.dispose(clones);
  }
}

/** Puts saved weights into a model of the same shape; a mismatch is refused (the model keeps its own). */
export function writeWeights(model: tf.LayersModel, saved: WeightsData): void {
  const shapes = model.weights.map((w) => w.shape.join('x'));
  const savedShapes = saved.specs.map((s) => s.shape.join('x'));
  const size = saved.specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  if (shapes.join() !== savedShapes.join() || saved.data.byteLength !== 4 * size)
    throw new MessageError(message('messages.runs.weightsMismatch'));
  const values = new Float32Array(saved.data);
  let offset = 0;
  const tensors = saved.specs.map((s) => {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(values.subarray(offset, offset + n), s.shape, 'float32');
    offset += n;
    return t;
  });
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}
