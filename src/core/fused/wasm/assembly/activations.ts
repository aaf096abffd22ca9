/**
 * Hidden activations and their derivatives, with TF.js's CPU arithmetic: the forward functions in
 * f64 rounded to f32 (as its kernels compute them), the derivatives op by op in f32 from the same
 * saved tensor its gradient reads (the input x for relu, leaky ReLU and SELU; the output y for
 * ELU, tanh and sigmoid). ReLU, the common case, runs on f32x4.
 */
import { ActivationCode } from '../wasmHeader';

const LEAKY_ALPHA: f64 = 0.2;
// TF.js's backend_util.SELU_SCALE and SELU_SCALEALPHA (λ and λ·α), as the doubles they are.
const SELU_SCALE: f64 = 1.0507009873554805;
const SELU_SCALE_ALPHA: f64 = 1.7580993408473768;

function forward1(code: i32, x: f32): f32 {
  const v = <f64>x;
  switch (code) {
    case ActivationCode.LeakyRelu:
      return x < 0 ? <f32>(LEAKY_ALPHA * v) : x;
    case ActivationCode.Elu:
      return x >= 0 ? x : <f32>(Math.exp(v) - 1);
    case ActivationCode.Selu:
      return x >= 0 ? <f32>(SELU_SCALE * v) : <f32>(SELU_SCALE_ALPHA * (Math.exp(v) - 1));
    case ActivationCode.Tanh:
      return <f32>Math.tanh(v);
    case ActivationCode.Sigmoid:
      return <f32>(1 / (1 + Math.exp(-v)));
    default:
      return x;
  }
}

/** a = act(z) over `count` floats; z and a may be the same buffer (every activation but SELU's backward needs only a). */
export function activate(code: i32, z: usize, a: usize, count: i32): void {
  if (code == ActivationCode.Linear || code == ActivationCode.Softmax) {
    if (a != z) memory.copy(a, z, (<usize>count) << 2);
    return;
  }
  let i = 0;
  if (code == ActivationCode.Relu) {
    const zero = f32x4.splat(0);
    for (; i + 4 <= count; i += 4) {
      const o = (<usize>i) << 2;
      v128.store(a + o, f32x4.max(v128.load(z + o), zero));
    }
    for (; i < count; i++) {
      const o = (<usize>i) << 2;
      store<f32>(a + o, max<f32>(load<f32>(z + o), 0));
    }
    return;
  }
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    store<f32>(a + o, forward1(code, load<f32>(z + o)));
  }
}

/** Whether the derivative reads the pre-activation z (else the activation a, which may share z's buffer). */
export function needsPreactivation(code: i32): bool {
  return code == ActivationCode.Selu;
}

/** d ← d·act′, in place over `count` floats, from the pre-activation z and the activation a. */
export function activationGradient(code: i32, z: usize, a: usize, d: usize, count: i32): void {
  if (code == ActivationCode.Linear) return;
  let i = 0;
  if (code == ActivationCode.Relu) {
    // relu′(x) = x > 0; a > 0 exactly where z > 0.
    const zero = f32x4.splat(0);
    for (; i + 4 <= count; i += 4) {
      const o = (<usize>i) << 2;
      v128.store(d + o, v128.and(v128.load(d + o), f32x4.gt(v128.load(a + o), zero)));
    }
    for (; i < count; i++) {
      const o = (<usize>i) << 2;
      if (!(load<f32>(a + o) > 0)) store<f32>(d + o, 0);
    }
    return;
  }
  const alpha = <f32>LEAKY_ALPHA;
  const scale = <f32>SELU_SCALE;
  const scaleAlpha = <f32>SELU_SCALE_ALPHA;
  for (; i < count; i++) {
    const o = (<usize>i) << 2;
    const dy = load<f32>(d + o);
    const y = load<f32>(a + o);
    let g: f32 = dy;
    switch (code) {
      case ActivationCode.LeakyRelu:
        g = y > 0 ? dy : dy * alpha; // a > 0 exactly where z > 0
        break;
      case ActivationCode.Elu:
        g = y >= 0 ? dy : <f32>(<f64>dy * (<f64>y + 1));
        break;
      case ActivationCode.Selu: {
        const x = load<f32>(z + o);
        g = x > 0 ? dy * scale : dy * scaleAlpha * <f32>Math.exp(<f64>x);
        break;
      }
      case ActivationCode.Tanh:
        g = (1 - y * y) * dy;
        break;
      case ActivationCode.Sigmoid:
        g = dy * (y * (1 - y));
        break;
    }
    store<f32>(d + o, g);
  }
}
