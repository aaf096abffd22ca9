/**
 * The step's one matrix product, C = init + A·B, with f32x4 SIMD along C's rows and register
 * blocking over four of them: per k, four broadcasts of A and two rows of B feed eight
 * accumulators (4 rows × 8 columns), so every load of B serves four rows. B and C are row-major
 * and contiguous along n; A[m, k] lies at A + 4·(m·sam + k·sak), so the kernel gradient Hᵀ·dZ reads
 * H transposed without copying it. init: the bias row when `bias` ≠ 0, C's own values when
 * `accumulate`, else 0.
 */

function start4(c: usize, bias: usize, accumulate: bool): v128 {
  if (bias != 0) return v128.load(bias);
  if (accumulate) return v128.load(c);
  return f32x4.splat(0);
}

function start1(c: usize, bias: usize, accumulate: bool): f32 {
  if (bias != 0) return load<f32>(bias);
  if (accumulate) return load<f32>(c);
  return 0;
}

/** 4 rows × 8 columns. c, a: row 0's pointers; rc, ra: byte strides between rows; sa, sb: byte strides per k. */
function tile4x8(
  c: usize,
  rc: usize,
  a: usize,
  ra: usize,
  sa: usize,
  b: usize,
  sb: usize,
  K: i32,
  bias: usize,
  acc: bool,
): void {
  const c1 = c + rc;
  const c2 = c1 + rc;
  const c3 = c2 + rc;
  const bias4 = bias != 0 ? bias + 16 : 0;
  let x00 = start4(c, bias, acc);
  let x01 = start4(c + 16, bias4, acc);
  let x10 = start4(c1, bias, acc);
  let x11 = start4(c1 + 16, bias4, acc);
  let x20 = start4(c2, bias, acc);
  let x21 = start4(c2 + 16, bias4, acc);
  let x30 = start4(c3, bias, acc);
  let x31 = start4(c3 + 16, bias4, acc);
  let a0 = a;
  let a1 = a + ra;
  let a2 = a1 + ra;
  let a3 = a2 + ra;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let s = v128.load32_splat(a0);
    x00 = f32x4.add(x00, f32x4.mul(s, b0));
    x01 = f32x4.add(x01, f32x4.mul(s, b1));
    s = v128.load32_splat(a1);
    x10 = f32x4.add(x10, f32x4.mul(s, b0));
    x11 = f32x4.add(x11, f32x4.mul(s, b1));
    s = v128.load32_splat(a2);
    x20 = f32x4.add(x20, f32x4.mul(s, b0));
    x21 = f32x4.add(x21, f32x4.mul(s, b1));
    s = v128.load32_splat(a3);
    x30 = f32x4.add(x30, f32x4.mul(s, b0));
    x31 = f32x4.add(x31, f32x4.mul(s, b1));
    a0 += sa;
    a1 += sa;
    a2 += sa;
    a3 += sa;
    b += sb;
  }
  v128.store(c, x00);
  v128.store(c, x01, 16);
  v128.store(c1, x10);
  v128.store(c1, x11, 16);
  v128.store(c2, x20);
  v128.store(c2, x21, 16);
  v128.store(c3, x30);
  v128.store(c3, x31, 16);
}

/** 4 rows × 4 columns. */
function tile4x4(
  c: usize,
  rc: usize,
  a: usize,
  ra: usize,
  sa: usize,
  b: usize,
  sb: usize,
  K: i32,
  bias: usize,
  acc: bool,
): void {
  const c1 = c + rc;
  const c2 = c1 + rc;
  const c3 = c2 + rc;
  let x0 = start4(c, bias, acc);
  let x1 = start4(c1, bias, acc);
  let x2 = start4(c2, bias, acc);
  let x3 = start4(c3, bias, acc);
  let a0 = a;
  let a1 = a + ra;
  let a2 = a1 + ra;
  let a3 = a2 + ra;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(b);
    x0 = f32x4.add(x0, f32x4.mul(v128.load32_splat(a0), b0));
    x1 = f32x4.add(x1, f32x4.mul(v128.load32_splat(a1), b0));
    x2 = f32x4.add(x2, f32x4.mul(v128.load32_splat(a2), b0));
    x3 = f32x4.add(x3, f32x4.mul(v128.load32_splat(a3), b0));
    a0 += sa;
    a1 += sa;
    a2 += sa;
    a3 += sa;
    b += sb;
  }
  v128.store(c, x0);
  v128.store(c1, x1);
  v128.store(c2, x2);
  v128.store(c3, x3);
}

/** 1 row × 8 columns. */
function tile1x8(c: usize, a: usize, sa: usize, b: usize, sb: usize, K: i32, bias: usize, acc: bool): void {
  let x0 = start4(c, bias, acc);
  let x1 = start4(c + 16, bias != 0 ? bias + 16 : 0, acc);
  for (let k = 0; k < K; k++) {
    const s = v128.load32_splat(a);
    x0 = f32x4.add(x0, f32x4.mul(s, v128.load(b)));
    x1 = f32x4.add(x1, f32x4.mul(s, v128.load(b, 16)));
    a += sa;
    b += sb;
  }
  v128.store(c, x0);
  v128.store(c, x1, 16);
}

/** 1 row × 4 columns. */
function tile1x4(c: usize, a: usize, sa: usize, b: usize, sb: usize, K: i32, bias: usize, acc: bool): void {
  let x0 = start4(c, bias, acc);
  for (let k = 0; k < K; k++) {
    x0 = f32x4.add(x0, f32x4.mul(v128.load32_splat(a), v128.load(b)));
    a += sa;
    b += sb;
  }
  v128.store(c, x0);
}

/** 1 row × 1 column (the columns left over after the vectors). */
function tile1x1(c: usize, a: usize, sa: usize, b: usize, sb: usize, K: i32, bias: usize, acc: bool): void {
  let x = start1(c, bias, acc);
  for (let k = 0; k < K; k++) {
    x += load<f32>(a) * load<f32>(b);
    a += sa;
    b += sb;
  }
  store<f32>(c, x);
}

/** The columns of one row, or (rows4) of four rows, from n = 0 to N. */
function rowTiles(
  rows4: bool,
  c: usize,
  rc: usize,
  a: usize,
  ra: usize,
  sa: usize,
  B: usize,
  sb: usize,
  N: i32,
  K: i32,
  bias: usize,
  acc: bool,
): void {
  let n = 0;
  for (; n + 8 <= N; n += 8) {
    const o = (<usize>n) << 2;
    const bn = bias != 0 ? bias + o : 0;
    if (rows4) tile4x8(c + o, rc, a, ra, sa, B + o, sb, K, bn, acc);
    else tile1x8(c + o, a, sa, B + o, sb, K, bn, acc);
  }
  for (; n + 4 <= N; n += 4) {
    const o = (<usize>n) << 2;
    const bn = bias != 0 ? bias + o : 0;
    if (rows4) tile4x4(c + o, rc, a, ra, sa, B + o, sb, K, bn, acc);
    else tile1x4(c + o, a, sa, B + o, sb, K, bn, acc);
  }
  for (; n < N; n++) {
    const o = (<usize>n) << 2;
    const bn = bias != 0 ? bias + o : 0;
    const rows = rows4 ? 4 : 1;
    for (let r = 0; r < rows; r++) tile1x1(c + o + <usize>r * rc, a + <usize>r * ra, sa, B + o, sb, K, bn, acc);
  }
}

/** C[M, N] (row stride ldc) = init + A·B, A[m, k] at A + 4·(m·sam + k·sak), B [K, ·] with row stride ldb. */
export function gemm(
  C: usize,
  ldc: i32,
  A: usize,
  sam: i32,
  sak: i32,
  B: usize,
  ldb: i32,
  M: i32,
  N: i32,
  K: i32,
  bias: usize,
  accumulate: bool,
): void {
  const rc = (<usize>ldc) << 2;
  const ra = (<usize>sam) << 2;
  const sa = (<usize>sak) << 2;
  const sb = (<usize>ldb) << 2;
  let m = 0;
  for (; m + 4 <= M; m += 4)
    rowTiles(true, C + <usize>m * rc, rc, A + <usize>m * ra, ra, sa, B, sb, N, K, bias, accumulate);
  for (; m < M; m++) rowTiles(false, C + <usize>m * rc, rc, A + <usize>m * ra, ra, sa, B, sb, N, K, bias, accumulate);
}

/**
 * C[M, N] = bias + A·Btᵀ with A [M, K] and Bt [N, K] both contiguous along k: for a narrow layer
 * (a head's 1–7 outputs), where vectors along n would be mostly empty, SIMD runs along k instead.
 */
export function gemmDot(
  C: usize,
  ldc: i32,
  A: usize,
  lda: i32,
  Bt: usize,
  ldbt: i32,
  M: i32,
  N: i32,
  K: i32,
  bias: usize,
): void {
  const K4 = K & ~3;
  for (let m = 0; m < M; m++) {
    const a = A + ((<usize>m * <usize>lda) << 2);
    for (let n = 0; n < N; n++) {
      const b = Bt + ((<usize>n * <usize>ldbt) << 2);
      let v = f32x4.splat(0);
      let k = 0;
      for (; k < K4; k += 4) {
        const o = (<usize>k) << 2;
        v = f32x4.add(v, f32x4.mul(v128.load(a + o), v128.load(b + o)));
      }
      let x: f32 =
        f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
      for (; k < K; k++) x += load<f32>(a + ((<usize>k) << 2)) * load<f32>(b + ((<usize>k) << 2));
      if (bias != 0) x += load<f32>(bias + ((<usize>n) << 2));
      store<f32>(C + ((<usize>m * <usize>ldc + <usize>n) << 2), x);
    }
  }
}

/** dst [cols, rows] = srcᵀ for src [rows, cols], in 4 × 4 blocks of shuffles. */
export function transpose(dst: usize, src: usize, rows: i32, cols: i32): void {
  const rs = (<usize>cols) << 2; // bytes per source row
  const rd = (<usize>rows) << 2; // bytes per destination row
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const s = src + <usize>r * rs;
    let c = 0;
    for (; c + 4 <= cols; c += 4) {
      const p = s + ((<usize>c) << 2);
      const a0 = v128.load(p);
      const a1 = v128.load(p + rs);
      const a2 = v128.load(p + 2 * rs);
      const a3 = v128.load(p + 3 * rs);
      const t0 = i32x4.shuffle(a0, a1, 0, 4, 1, 5);
      const t1 = i32x4.shuffle(a0, a1, 2, 6, 3, 7);
      const t2 = i32x4.shuffle(a2, a3, 0, 4, 1, 5);
      const t3 = i32x4.shuffle(a2, a3, 2, 6, 3, 7);
      const d = dst + <usize>c * rd + ((<usize>r) << 2);
      v128.store(d, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
      v128.store(d + rd, i32x4.shuffle(t0, t2, 2, 3, 6, 7));
      v128.store(d + 2 * rd, i32x4.shuffle(t1, t3, 0, 1, 4, 5));
      v128.store(d + 3 * rd, i32x4.shuffle(t1, t3, 2, 3, 6, 7));
    }
    for (; c < cols; c++)
      for (let i = 0; i < 4; i++)
        store<f32>(dst + <usize>c * rd + ((<usize>(r + i)) << 2), load<f32>(s + <usize>i * rs + ((<usize>c) << 2)));
  }
  for (; r < rows; r++) {
    const s = src + <usize>r * rs;
    for (let c = 0; c < cols; c++)
      store<f32>(dst + <usize>c * rd + ((<usize>r) << 2), load<f32>(s + ((<usize>c) << 2)));
  }
}

/** dst[c] = Σ_r src[r, c] for src [rows, cols] (bias gradients). */
export function columnSums(dst: usize, src: usize, rows: i32, cols: i32): void {
  const rowBytes = (<usize>cols) << 2;
  let c = 0;
  for (; c + 4 <= cols; c += 4) {
    let v = f32x4.splat(0);
    let p = src + ((<usize>c) << 2);
    for (let r = 0; r < rows; r++) {
      v = f32x4.add(v, v128.load(p));
      p += rowBytes;
    }
    v128.store(dst + ((<usize>c) << 2), v);
  }
  for (; c < cols; c++) {
    let x: f32 = 0;
    let p = src + ((<usize>c) << 2);
    for (let r = 0; r < rows; r++) {
      x += load<f32>(p);
      p += rowBytes;
    }
    store<f32>(dst + ((<usize>c) << 2), x);
  }
}
