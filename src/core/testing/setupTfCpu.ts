// Unit tests run the core on TensorFlow.js's plain CPU backend in Node.
import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

beforeAll(async () => {
  tf.env().set('IS_TEST', true); // silences the "use tfjs-node" banner
  await tf.setBackend('cpu');
  await tf.ready();
});
