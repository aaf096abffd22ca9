import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { segmentSum } from './segmentSum.ts';

describe('segmentSum', () => {
  it('matches TF.js unsortedSegmentSum on the CPU backend', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8]; // [4, 2]
    const ids = [2, 0, 2, 1];
    const out = new Float32Array(3 * 2);
    segmentSum(values, ids, 3, 2, out);
    const reference = tf.unsortedSegmentSum(tf.tensor2d(values, [4, 2]), tf.tensor1d(ids, 'int32'), 3);
    expect([...out]).toEqual([...reference.dataSync()]);
    expect([...out]).toEqual([3, 4, 7, 8, 1 + 5, 2 + 6]);
    reference.dispose();
  });
});
