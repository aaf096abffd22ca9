/**
 * The WASM backend has no UnsortedSegmentSum kernel, which the gradient of an embedding lookup
 * (Gather) needs. WASM tensors live in CPU memory, so the kernel is a plain loop over the heap.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { segmentSum } from '../core/train/segmentSum.ts';

tf.registerKernel({
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const numSegments = (attrs as { numSegments: number }).numSegments;
    const wasm = backend as BackendWasm;
    const leading = segmentIds.shape.reduce((a, b) => a * b, 1);
    const inner = x.shape.reduce((a, b) => a * b, 1) / Math.max(leading, 1);
    const out = wasm.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
    segmentSum(
      wasm.readSync(x.dataId) as Float32Array,
      wasm.readSync(segmentIds.dataId) as Int32Array,
      numSegments,
      inner,
      wasm.typedArrayFromHeap(out) as Float32Array,
    );
    return out;
  },
});
