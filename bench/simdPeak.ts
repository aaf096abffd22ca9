/**
 * The physical reference for the fused engines: a hand-assembled WebAssembly module whose one
 * function runs `chains` independent f32x4 multiply-add chains (`acc = acc · m + a`) held in locals
 * (registers once V8 optimises it), so the only limit is the core's SIMD multiply and add
 * throughput on one thread. GFLOP/s = 8 flops (4 lanes × mul + add) × chains × iterations / s.
 * No toolchain: the bytes are written out here (see the WebAssembly core spec's binary format).
 */

const V128 = 0x7b;
const I32 = 0x7f;
const F32 = 0x7d;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function f32x4Const(value: number): number[] {
  const bytes = new Uint8Array(new Float32Array([value, value, value, value]).buffer);
  return [0xfd, ...uleb(12), ...bytes]; // v128.const
}

/**
 * `(func (export "run") (param $n i32) (result f32))`: locals 1…chains are the accumulators, then m
 * and a; the loop body advances every chain `unroll` times, then counts $n down.
 */
export function simdPeakModule(chains: number, unroll: number): Uint8Array<ArrayBuffer> {
  const acc = (i: number) => 1 + i;
  const m = 1 + chains;
  const a = 2 + chains;
  const body: number[] = [];
  const localSet = (i: number) => body.push(0x21, ...uleb(i));
  const localGet = (i: number) => body.push(0x20, ...uleb(i));
  for (let i = 0; i < chains; i++) {
    body.push(...f32x4Const(0.5 + i / (4 * chains)));
    localSet(acc(i));
  }
  body.push(...f32x4Const(0.9999));
  localSet(m);
  body.push(...f32x4Const(0.0001)); // every chain converges to 1: no denormals, no overflow
  localSet(a);
  body.push(0x03, 0x40); // loop
  for (let u = 0; u < unroll; u++)
    for (let i = 0; i < chains; i++) {
      localGet(acc(i));
      localGet(m);
      body.push(0xfd, ...uleb(230)); // f32x4.mul
      localGet(a);
      body.push(0xfd, ...uleb(228)); // f32x4.add
      localSet(acc(i));
    }
  localGet(0);
  body.push(0x41, 1, 0x6b); // i32.const 1; i32.sub
  body.push(0x22, 0); // local.tee $n
  body.push(0x0d, 0); // br_if 0 (the loop)
  body.push(0x0b); // end loop
  // Result: the sum of every chain's lane 0, so no chain is dead code.
  body.push(0x43, 0, 0, 0, 0); // f32.const 0
  for (let i = 0; i < chains; i++) {
    localGet(acc(i));
    body.push(0xfd, 0x1f, 0); // f32x4.extract_lane 0
    body.push(0x92); // f32.add
  }
  body.push(0x0b); // end function
  const locals = [1, ...uleb(chains + 2), V128];
  const func = [...locals, ...body];
  const code = [1, ...uleb(func.length), ...func];
  const name = [...new TextEncoder().encode('run')];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, I32, 1, F32]), // type 0: (i32) → f32
    ...section(3, [1, 0]), // function 0 has type 0
    ...section(7, [1, name.length, ...name, 0x00, 0]), // export "run" = func 0
    ...section(10, code),
  ]);
}

export interface SimdPeak {
  /** The best single-thread rate over the chain counts tried. */
  gflops: number;
  chains: number;
  /** GFLOP/s per chain count tried. */
  byChains: Record<number, number>;
}

const UNROLL = 4;

/** Times each chain count for about `msPerCount` (after V8 has tiered the function up) and keeps the best. */
export async function measureSimdPeak(msPerCount = 300, counts = [4, 8, 12, 16, 24]): Promise<SimdPeak> {
  const byChains: Record<number, number> = {};
  for (const chains of counts) {
    const instance = await WebAssembly.instantiate(await WebAssembly.compile(simdPeakModule(chains, UNROLL)));
    const run = instance.exports.run as (n: number) => number;
    let n = 1000;
    let sink = 0;
    // Warm-up: enough calls for the optimising tier, and a call length of ~20 ms.
    for (let t = performance.now(); performance.now() - t < Math.min(150, msPerCount);) sink += run(n);
    for (;;) {
      const t0 = performance.now();
      sink += run(n);
      if (performance.now() - t0 > 20) break;
      n *= 2;
    }
    let best = 0;
    for (let t = performance.now(); performance.now() - t < msPerCount;) {
      const t0 = performance.now();
      sink += run(n);
      const s = (performance.now() - t0) / 1000;
      best = Math.max(best, (8 * chains * UNROLL * n) / s / 1e9);
    }
    if (!Number.isFinite(sink)) throw new Error('the multiply-add chains diverged');
    byChains[chains] = best;
  }
  const [chains, gflops] = Object.entries(byChains).reduce((x, y) => (y[1] > x[1] ? y : x));
  return { gflops, chains: Number(chains), byChains };
}
