/** Benchmark case definitions and the result file each case writes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const QUICK = process.env.BENCH_QUICK === '1';
export const TMP_DIR = fileURLToPath(new URL('./tmp/cases/', import.meta.url));

export interface ThroughputCase {
  id: string;
  backend: 'wasm' | 'webgl' | 'cpu' | 'webgpu';
  trunkUnits: number[];
  batchSize: number;
  rows: number;
  /** MMoE experts (1 = one shared trunk). */
  experts: number;
  /** Steps the bare page times (after warm-up) and epochs the app trains (the first is not timed). */
  bareSteps: number;
  appEpochs: number;
}

const full = (
  id: string,
  backend: ThroughputCase['backend'],
  trunkUnits: number[],
  batchSize: number,
  rows = 20000,
  experts = 1,
): ThroughputCase => ({
  id,
  backend,
  trunkUnits,
  batchSize,
  rows,
  experts,
  bareSteps: QUICK ? 3 : backend === 'webgpu' ? 12 : 150,
  appEpochs: QUICK ? 2 : backend === 'webgpu' ? 3 : 4,
});

export const THROUGHPUT_CASES: ThroughputCase[] = [
  full('reference', 'wasm', [128, 128], 256),
  full('reference', 'webgl', [128, 128], 256),
  full('reference', 'cpu', [128, 128], 256),
  // Emulated on these machines (SwiftShader): few rows, few steps.
  full('reference', 'webgpu', [128, 128], 256, 2000),
  full('batch 1024', 'wasm', [128, 128], 1024),
  full('batch 1024', 'webgl', [128, 128], 1024),
  full('trunk 512-512', 'wasm', [512, 512], 256),
  full('trunk 512-512', 'webgl', [512, 512], 256),
  // Four experts of the reference trunk (MMoE): the cost of the gated model next to 'reference'.
  full('experts 4', 'wasm', [128, 128], 256, 20000, 4),
];

/** Writes one case's result for run.mjs to collect. */
export function writeResult(name: string, result: unknown): void {
  mkdirSync(TMP_DIR, { recursive: true });
  writeFileSync(`${TMP_DIR}${name.replace(/[^a-z0-9-]+/gi, '_')}.json`, JSON.stringify(result, null, 2));
}
