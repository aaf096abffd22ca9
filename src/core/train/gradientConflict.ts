/**
 * Gradient conflict between tasks: the cosine similarity of each pair of tasks' loss gradients
 * with respect to the shared trunk's parameters, on one batch. Negative means the tasks pull the
 * shared layers in opposite directions. One backward pass per task; read back once.
 */
import * as tf from '@tensorflow/tfjs';
import { dotAll, gradientsOf } from './gradientMath.ts';

/**
 * cos[i][j] for the tasks' gradients (each a list of tensors, one per shared variable).
 * Caller owns the returned [T, T] tensor.
 */
export function cosineMatrix(taskGrads: tf.Tensor[][]): tf.Tensor2D {
  return tf.tidy(() => {
    const T = taskGrads.length;
    const norms = taskGrads.map((g) => tf.sqrt(dotAll(g, g)));
    const rows = [];
    for (let i = 0; i < T; i++) {
      const row = [];
      for (let j = 0; j < T; j++) {
        row.push(
          i === j
            ? tf.scalar(1)
            : tf.div(
                dotAll(taskGrads[i] as tf.Tensor[], taskGrads[j] as tf.Tensor[]),
                tf.maximum(tf.mul(norms[i] as tf.Scalar, norms[j] as tf.Scalar), 1e-20),
              ),
        );
      }
      rows.push(tf.stack(row));
    }
    return tf.stack(rows) as tf.Tensor2D;
  });
}

/**
 * Runs each task's loss (built inside one tidy by `makeLosses`), takes its gradient on the shared
 * variables, and reads the cosine matrix back once: cos[i][j], T × T.
 */
export async function measureGradientConflict(
  makeLosses: () => (() => tf.Scalar)[],
  shared: tf.Variable[],
): Promise<number[][]> {
  let T = 0;
  const matrix = tf.tidy(() => {
    const losses = makeLosses();
    T = losses.length;
    return cosineMatrix(losses.map((loss) => gradientsOf(loss, shared)));
  });
  try {
    const values = await matrix.data();
    return Array.from({ length: T }, (_, i) => Array.from(values.subarray(i * T, (i + 1) * T)));
  } finally {
    matrix.dispose();
  }
}
