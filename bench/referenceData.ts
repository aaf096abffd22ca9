/**
 * The benchmark's reference data: 32 standard-normal inputs and three targets that depend on
 * them (binary, regression, 5-class), from a seed. The bare page and the app get the same rows.
 */
import { createRng } from '../src/core/rng.ts';

export const REFERENCE_INPUTS = 32;
export const REFERENCE_CLASSES = 5;

export interface ReferenceData {
  rows: number;
  x: Float32Array; // [rows, 32]
  yBin: Float32Array;
  yReg: Float32Array;
  yCls: Float32Array;
}

export function makeReferenceData(rows: number, seed = 7): ReferenceData {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const wBin = Array.from({ length: REFERENCE_INPUTS }, normal);
  const wReg = Array.from({ length: REFERENCE_INPUTS }, normal);
  const wCls = Array.from({ length: REFERENCE_CLASSES }, () => Array.from({ length: REFERENCE_INPUTS }, normal));
  const x = new Float32Array(rows * REFERENCE_INPUTS);
  const yBin = new Float32Array(rows);
  const yReg = new Float32Array(rows);
  const yCls = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = Array.from({ length: REFERENCE_INPUTS }, normal);
    x.set(row, r * REFERENCE_INPUTS);
    const dot = (w: number[]) => row.reduce((s, v, i) => s + v * (w[i] as number), 0) / Math.sqrt(REFERENCE_INPUTS);
    yBin[r] = dot(wBin) + 0.3 * normal() > 0 ? 1 : 0;
    yReg[r] = dot(wReg) + 0.1 * normal();
    const scores = wCls.map((w) => dot(w) + 0.3 * normal());
    yCls[r] = scores.indexOf(Math.max(...scores));
  }
  return { rows, x, yBin, yReg, yCls };
}

/** The same rows as CSV text (inputs x1…x32, targets y_bin, y_reg, y_cls). */
export function referenceCsv(data: ReferenceData): string {
  const header = [...Array.from({ length: REFERENCE_INPUTS }, (_, i) => `x${i + 1}`), 'y_bin', 'y_reg', 'y_cls'].join(
    ',',
  );
  const lines = [header];
  for (let r = 0; r < data.rows; r++) {
    const xs = Array.from(data.x.subarray(r * REFERENCE_INPUTS, (r + 1) * REFERENCE_INPUTS), (v) => v.toFixed(5));
    lines.push([...xs, data.yBin[r], (data.yReg[r] as number).toFixed(5), `c${data.yCls[r]}`].join(','));
  }
  return lines.join('\n');
}
