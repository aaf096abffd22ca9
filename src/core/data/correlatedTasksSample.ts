/**
 * Two regression tasks of controlled relatedness, after the synthetic protocol of the MMoE paper
 * (Ma et al., "Modeling Task Relationships in Multi-task Learning with Multi-gate
 * Mixture-of-Experts", KDD 2018, §4.1):
 *   1. two orthogonal unit vectors u₁, u₂ ∈ Rᵈ;
 *   2. w₁ = c·u₁ and w₂ = c·(p·u₁ + √(1−p²)·u₂), so cos(w₁, w₂) = p, the task correlation;
 *   3. x ∈ Rᵈ with every element from N(0, 1);
 *   4. yᵢ = wᵢᵀx + Σⱼ₌₁..ₘ sin(αⱼ·wᵢᵀx + βⱼ) + εᵢ, with εᵢ ~ N(0, 0.01) (variance 0.01).
 * As in the paper c = 1 and m = 10; α and β (the paper's "given parameters") are drawn once per
 * seed from N(0, 1) and shared by both tasks. The paper uses d = 100; so do we by default.
 * p = 1 gives two identical tasks up to the noise; p = 0 gives tasks of unrelated directions.
 */
import type { Table } from '../csv/table.ts';
import { createRng } from '../rng.ts';
import { numeric } from './ecommerceSample.ts';

export interface CorrelatedTasksOptions {
  rows?: number;
  /** Input dimension d. */
  dims?: number;
  /** Number m of sinusoids in each label. */
  sinusoids?: number;
  /** Scale constant c of the weight vectors. */
  scale?: number;
  /** Standard deviation of the label noise (0.1: the paper's variance 0.01). */
  noise?: number;
}

export const CORRELATED_DEFAULTS: Required<CorrelatedTasksOptions> = {
  rows: 10000,
  dims: 100,
  sinusoids: 10,
  scale: 1,
  noise: 0.1,
};

/** The generator's hidden parameters, exported for tests and benchmarks. */
export interface CorrelatedTasksModel {
  w1: Float64Array;
  w2: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
}

/** The weight vectors and sinusoid parameters for a seed and correlation (-1 ≤ p ≤ 1). */
export function correlatedTasksModel(
  seed: number,
  correlation: number,
  options: CorrelatedTasksOptions = {},
): CorrelatedTasksModel {
  if (!(correlation >= -1 && correlation <= 1)) throw new RangeError('The task correlation must lie in [-1, 1].');
  const { dims, sinusoids, scale } = { ...CORRELATED_DEFAULTS, ...options };
  if (dims < 2) throw new RangeError('Two orthogonal directions need at least 2 input dimensions.');
  const normal = normalSource(createRng(seed));
  // Gram–Schmidt on two Gaussian vectors: u₁, u₂ orthonormal, uniformly oriented.
  const u1 = unit(Float64Array.from({ length: dims }, normal));
  const v = Float64Array.from({ length: dims }, normal);
  const along = dotOf(v, u1);
  const u2 = unit(v.map((x, i) => x - along * (u1[i] as number)));
  const q = Math.sqrt(Math.max(0, 1 - correlation * correlation));
  return {
    w1: u1.map((x) => scale * x),
    w2: u1.map((x, i) => scale * (correlation * x + q * (u2[i] as number))),
    alpha: Float64Array.from({ length: sinusoids }, normal),
    beta: Float64Array.from({ length: sinusoids }, normal),
  };
}

/**
 * The table: inputs x1…xd, targets y1 and y2. The same seed, correlation and options always give
 * the same table; the weight vectors depend only on the seed and the correlation, and the rows are
 * drawn from a stream of their own, so changing the correlation changes only the labels.
 */
export function generateCorrelatedTasksTable(
  seed: number,
  correlation: number,
  options: CorrelatedTasksOptions = {},
): Table {
  const { rows, dims, noise } = { ...CORRELATED_DEFAULTS, ...options };
  const { w1, w2, alpha, beta } = correlatedTasksModel(seed, correlation, options);
  const normal = normalSource(createRng((seed ^ 0x5bd1e995) >>> 0));
  const x = Array.from({ length: dims }, () => new Float64Array(rows));
  const y1 = new Float64Array(rows);
  const y2 = new Float64Array(rows);
  const label = (z: number, eps: number) => {
    let s = z;
    for (let j = 0; j < alpha.length; j++) s += Math.sin((alpha[j] as number) * z + (beta[j] as number));
    return s + eps;
  };
  const point = new Float64Array(dims);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < dims; i++) {
      point[i] = normal();
      (x[i] as Float64Array)[r] = point[i] as number;
    }
    y1[r] = label(dotOf(w1, point), noise * normal());
    y2[r] = label(dotOf(w2, point), noise * normal());
  }
  return {
    rowCount: rows,
    columns: [...x.map((values, i) => numeric(`x${i + 1}`, values)), numeric('y1', y1), numeric('y2', y2)],
  };
}

/** Standard normal draws (Box–Muller) from a uniform source. */
function normalSource(rng: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

function dotOf(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function unit(v: Float64Array): Float64Array {
  const n = Math.sqrt(dotOf(v, v));
  return v.map((x) => x / n);
}
