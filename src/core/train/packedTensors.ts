/**
 * Named float32 tensors as plain data (saved runs keep weights and optimiser state this way): each
 * tensor's name and shape, and every value in one buffer, in order.
 */
import * as tf from '@tensorflow/tfjs';

export interface PackedTensors {
  specs: { name: string; shape: number[] }[];
  /** float32 values of every tensor, in order. */
  data: ArrayBuffer;
}

/** Reads the values back (asynchronously); the tensors stay the caller's. */
export async function packTensors(named: readonly { name: string; tensor: tf.Tensor }[]): Promise<PackedTensors> {
  const values = await Promise.all(named.map((n) => n.tensor.data() as Promise<Float32Array>));
  const data = new Float32Array(values.reduce((sum, v) => sum + v.length, 0));
  let offset = 0;
  for (const v of values) {
    data.set(v, offset);
    offset += v.length;
  }
  return { specs: named.map((n) => ({ name: n.name, shape: [...n.tensor.shape] })), data: data.buffer };
}

/** The tensors back; the caller owns them. Throws when the buffer does not hold what the specs say. */
export function unpackTensors(packed: PackedTensors): { name: string; tensor: tf.Tensor }[] {
  const size = packed.specs.reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  if (packed.data.byteLength !== 4 * size) throw new RangeError('packed tensors: size mismatch');
  const values = new Float32Array(packed.data);
  let offset = 0;
  return packed.specs.map((s) => {
    const n = s.shape.reduce((a, b) => a * b, 1);
    const tensor = tf.tensor(values.slice(offset, offset + n), s.shape, 'float32');
    offset += n;
    return { name: s.name, tensor };
  });
}
