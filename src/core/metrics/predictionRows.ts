/** Reading a head's row-major outputs against its targets: which rows count, and each row's class. */

/** Indices of rows with a target (NaN = missing). */
export function labelledRows(targets: Float32Array): number[] {
  const rows: number[] = [];
  targets.forEach((t, i) => {
    if (!Number.isNaN(t)) rows.push(i);
  });
  return rows;
}

/** Index of the largest of k outputs of a row. */
export function argmaxRow(outputs: Float32Array, row: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if ((outputs[row * k + c] as number) > (outputs[row * k + best] as number)) best = c;
  return best;
}
