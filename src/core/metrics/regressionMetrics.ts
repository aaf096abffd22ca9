/** Regression metrics on plain arrays, in whatever units the arrays are in. */

export interface RegressionMetrics {
  mse: number;
  rmse: number;
  mae: number;
  /** 1 − SSres/SStot; 0 for predicting the mean, negative when worse. NaN if the targets are constant. */
  r2: number;
}

/** MSE, RMSE, MAE and R² of predictions against actual values. */
export function regressionMetrics(predicted: ArrayLike<number>, actual: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (n === 0) return { mse: NaN, rmse: NaN, mae: NaN, r2: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] as number;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const e = (predicted[i] as number) - (actual[i] as number);
    ssRes += e * e;
    absSum += Math.abs(e);
    const d = (actual[i] as number) - mean;
    ssTot += d * d;
  }
  const mse = ssRes / n;
  return { mse, rmse: Math.sqrt(mse), mae: absSum / n, r2: ssTot > 0 ? 1 - ssRes / ssTot : NaN };
}
