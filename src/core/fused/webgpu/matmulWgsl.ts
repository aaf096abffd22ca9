/**
 * The matrix product every layer shader is built on: C[M, N] = Σₖ A(m, k)·B(k, n), register
 * blocked: each invocation accumulates tm × tn outputs, loading tm values of A and tn of B per k.
 * No workgroup memory: on SwiftShader (the adapter CI and the benchmark run on) every barrier
 * switches between a workgroup's invocation groups, and staging tiles through workgroup memory
 * made the product 3–4× slower and its pipeline seconds slower to compile (measured at
 * 256×128×128). Indices are clamped into range once, outside the k loop, so the loop holds
 * nothing but loads and multiply-adds; out-of-range outputs are computed and not stored.
 */

export interface TileShape {
  /** Workgroup size (x along n, y along m) and outputs per invocation. */
  wx: number;
  wy: number;
  tm: number;
  tn: number;
}

/** A shape for an output N wide: 32 columns per workgroup when N allows, else all of N in each invocation. */
export function tileShape(n: number): TileShape {
  if (n >= 32) return { wx: 8, wy: 4, tm: 4, tn: 4 };
  if (n >= 8) return { wx: 8, wy: 4, tm: 4, tn: Math.ceil(n / 8) };
  return { wx: 1, wy: 32, tm: 4, tn: n };
}

/** Workgroups (x, y) of a product M × N in a shape. */
export function tileGroups(shape: TileShape, m: number, n: number): [number, number] {
  return [Math.ceil(n / (shape.wx * shape.tn)), Math.ceil(m / (shape.wy * shape.tm))];
}

export interface MatmulPhase {
  /** WGSL expression: the phase's reduction length (a constant, or the step's rows). */
  k: string;
  /** Statements run once per A row / B column (clamped index in `m` / `n`), declaring names ending in `id`. */
  rowSetup?: (m: string, id: string) => string;
  colSetup?: (n: string, id: string) => string;
  /** Statements at the top of each k iteration (the loop variable is `k`). */
  perK?: string;
  /** WGSL expressions of A(row `id`, k) and B(k, column `id`). */
  a: (m: string, id: string) => string;
  b: (n: string, id: string) => string;
}

export interface MatmulShader {
  shape: TileShape;
  /** Declarations: bindings, constants, helper and store functions. */
  header: string;
  /** WGSL expressions bounding m and n (the clamp range; `m` may be the step's rows). */
  mBound: string;
  nBound: string;
  phases: MatmulPhase[];
  /** Name of a WGSL function (m: u32, n: u32, v: f32) storing one output (bound checks its own). */
  store: string;
  /** Name of a function (n: u32, v: f32) given Σₖ B(k, n) of column n (a weight gradient's bias). */
  columnSum?: string;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The compute shader's source; dispatch it with tileGroups(shape, M, N). */
export function matmulWgsl(s: MatmulShader): string {
  const { wx, wy, tm, tn } = s.shape;
  const rows = range(tm);
  const cols = range(tn);
  const sums = s.columnSum ? cols.map((j) => `var s${j} = 0.0;`).join(' ') : '';
  const phase = (p: MatmulPhase, q: number) => `
  {
${rows.map((i) => (p.rowSetup ? `    ${p.rowSetup(`m${i}`, `${q}_${i}`)}` : '')).join('\n')}
${cols.map((j) => (p.colSetup ? `    ${p.colSetup(`n${j}`, `${q}_${j}`)}` : '')).join('\n')}
    for (var k = 0u; k < ${p.k}; k = k + 1u) {
      ${p.perK ?? ''}
${rows.map((i) => `      let a${i} = ${p.a(`m${i}`, `${q}_${i}`)};`).join('\n')}
${cols.map((j) => `      let b${j} = ${p.b(`n${j}`, `${q}_${j}`)};`).join('\n')}
${rows.flatMap((i) => cols.map((j) => `      c[${i * tn + j}] = c[${i * tn + j}] + a${i} * b${j};`)).join('\n')}
${s.columnSum ? cols.map((j) => `      s${j} = s${j} + b${j};`).join('\n') : ''}
    }
  }`;
  // One store call in a loop, not tm × tn inlined copies of the epilogue: SwiftShader compiles it far faster.
  const stores = `  for (var t = 0u; t < ${tm * tn}u; t = t + 1u) {
    ${s.store}(mb + (t / ${tn}u) * ${wy}u, nb + (t % ${tn}u) * ${wx}u, c[t]);
  }`;
  const columnStores = s.columnSum
    ? `  if (wid.y == 0u && lid.y == 0u) {
${cols.map((j) => `    ${s.columnSum}(nb + ${j * wx}u, s${j});`).join('\n')}
  }`
    : '';
  return `${s.header}

@compute @workgroup_size(${wx}, ${wy})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let mb = wid.y * ${wy * tm}u + lid.y;
  let nb = wid.x * ${wx * tn}u + lid.x;
${rows.map((i) => `  let m${i} = min(mb + ${i * wy}u, ${s.mBound} - 1u);`).join('\n')}
${cols.map((j) => `  let n${j} = min(nb + ${j * wx}u, ${s.nBound} - 1u);`).join('\n')}
  var c: array<f32, ${tm * tn}>;
  ${sums}
${s.phases.map(phase).join('\n')}
${stores}
${columnStores}
}
`;
}
