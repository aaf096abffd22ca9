/**
 * A model's weights as plain data (for saved runs): each weight's name and shape, and every value
 * as one float32 buffer in `model.getWeights()` order. Read from clones taken at once, so training
 * can go on while the values come back.
 */
import * as tf from '@tensorflow/tfjs';
import { message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';

export interface WeightsData {
  specs: { name: string; shape: number[] }[];
  /** float32 values of every weight, in order. */
  data: ArrayBuffer;
}

export async function readWeights(model: tf.LayersModel): Promise<WeightsData> {
  const specs = model.weights.map((w) => ({ name: w.originalName, shape: [...w.shape] as number[] }));
  const clones = tf.tidy(() => model.getWeights().map((w) => tf.clone(w)));
  try {
    const values = await Promise.all(clones.map((c) => c.data() as Promise<Float32Array>));
    const total = values.reduce((sum, v) => sum + v.length, 0);
    const data = new Float32Array(total);
    let offset = 0;
    for (const v of values) {
      data.set(v, offset);
      offset += v.length;
    }
    return { specs, data: data.buffer };
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
