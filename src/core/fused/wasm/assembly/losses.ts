/**
 * A head's output activation, its masked-mean loss and the loss's gradient with respect to the
 * head's logits, as taskLosses.ts defines them and TF.js's autodiff takes them op by op:
 * L = Σ rᵢℓᵢ / max(Σ rᵢ, 1), and ∂(w·L)/∂ℓᵢ = (w / max(Σ rᵢ, 1))·rᵢ.
 */
import { TaskCode } from '../wasmHeader';

// taskLosses.ts's EPSILON clip bounds, computed in f64 as JavaScript does, then as float32 (what TF.js compares with).
const EPSILON: f64 = 1e-7;
const ONE_MINUS_EPSILON: f64 = 1 - 1e-7;
const LOW: f32 = <f32>EPSILON;
const HIGH: f32 = <f32>ONE_MINUS_EPSILON;

function clip(p: f32, low: f32, high: f32): f32 {
  return p < low ? low : p > high ? high : p;
}

/** Binary: p = sigmoid(z), ℓ = −(y·log p̂ + (1 − y)·log(1 − p̂)); dz for the row's gradient g. */
function binaryRow(z: usize, p: usize, dz: usize, y: f32, g: f32, grad: bool): f32 {
  const pv = <f32>(1 / (1 + Math.exp(-(<f64>load<f32>(z)))));
  store<f32>(p, pv);
  const pc = clip(pv, LOW, HIGH);
  const q: f32 = 1 - pc;
  const lp = <f32>Math.log(<f64>pc);
  const lq = <f32>Math.log(<f64>q);
  const notY: f32 = 1 - y;
  const loss = -(y * lp + notY * lq);
  if (grad) {
    const back = -g;
    const dpc = (back * y) / pc + -((back * notY) / q);
    const dp: f32 = pv >= LOW && pv <= HIGH ? dpc : 0;
    store<f32>(dz, dp * (pv * (1 - pv)));
  }
  return loss;
}

/** Multi-class: p = softmax(z) over `width`, ℓ = −log(clip(p_y, ε, 1)); dz through the softmax's Jacobian. */
function multiclassRow(z: usize, p: usize, dz: usize, width: i32, y: f32, g: f32, grad: bool): f32 {
  let top = load<f32>(z);
  for (let j = 1; j < width; j++) top = max<f32>(top, load<f32>(z + ((<usize>j) << 2)));
  let sum: f64 = 0;
  for (let j = 0; j < width; j++) {
    const o = (<usize>j) << 2;
    const e = <f32>Math.exp(<f64>(load<f32>(z + o) - top));
    store<f32>(p + o, e);
    sum += <f64>e;
  }
  const total = <f32>sum;
  for (let j = 0; j < width; j++) {
    const o = (<usize>j) << 2;
    store<f32>(p + o, load<f32>(p + o) / total);
  }
  const label = <i32>y;
  const py = load<f32>(p + ((<usize>label) << 2));
  const c = clip(py, LOW, 1);
  const loss = -(<f32>Math.log(<f64>c));
  if (grad) {
    const dpy: f32 = py >= LOW && py <= 1 ? -g / c : 0;
    const s = dpy * py; // Σ_j dp_j·p_j: only the label's dp is non-zero
    for (let j = 0; j < width; j++) {
      const o = (<usize>j) << 2;
      const pj = load<f32>(p + o);
      const dyTimesY: f32 = j == label ? dpy * pj : 0;
      store<f32>(dz + o, dyTimesY - s * pj);
    }
  }
  return loss;
}

/** Regression: p = z, ℓ = (z − y)². */
function regressionRow(z: usize, p: usize, dz: usize, y: f32, g: f32, grad: bool): f32 {
  const v = load<f32>(z);
  store<f32>(p, v);
  const d = v - y;
  if (grad) store<f32>(dz, g * (d * 2));
  return d * d;
}

/**
 * One task on the batch: z, p, dz are [rows, width]; the batch's targets and row weights are read
 * from the resident split through its row indices. Writes p, and dz when `weight` ≠ 0. Returns L.
 */
export function taskLoss(
  kind: i32,
  width: i32,
  z: usize,
  p: usize,
  dz: usize,
  rows: i32,
  batch: usize,
  target: usize,
  rowWeight: usize,
  weight: f32,
): f32 {
  let weightSum: f64 = 0;
  for (let b = 0; b < rows; b++)
    weightSum += <f64>load<f32>(rowWeight + ((<usize>load<i32>(batch + ((<usize>b) << 2))) << 2));
  const denominator = max<f32>(<f32>weightSum, 1);
  const grad = weight != 0;
  const perWeight = weight / denominator;
  let sum: f64 = 0;
  for (let b = 0; b < rows; b++) {
    const index = (<usize>load<i32>(batch + ((<usize>b) << 2))) << 2;
    const y = load<f32>(target + index);
    const r = load<f32>(rowWeight + index);
    const g = perWeight * r;
    const o = (<usize>b * <usize>width) << 2;
    let loss: f32;
    if (kind == TaskCode.Binary) loss = binaryRow(z + o, p + o, dz + o, y, g, grad);
    else if (kind == TaskCode.Multiclass) loss = multiclassRow(z + o, p + o, dz + o, width, y, g, grad);
    else loss = regressionRow(z + o, p + o, dz + o, y, g, grad);
    sum += <f64>(loss * r);
  }
  return <f32>sum / denominator;
}
