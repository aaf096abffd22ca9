/**
 * The WebGPU fused engine against TF.js, in Chromium's WebGPU on SwiftShader. The harness
 * (e2e/harness/) is bundled here with esbuild and served from memory at a made-up path of the
 * preview's origin (a secure context, so navigator.gpu is there); no app build is involved. Each
 * case steps a MultiTaskTrainer (TF.js, CPU backend) and the engine side by side from the same
 * weights on the same batches: the loss vectors agree to 1e-5 relative on the first step, and the
 * parameters after the last step agree to a small fraction of how far the step moved them.
 */
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { CaseConfig } from './harness/fusedRig.ts';
import type { CompareResult, FusedHarness } from './harness/fusedWebgpuHarness.ts';

const HARNESS = '/__fused-harness/';

let page: Page;
let adapter: string | null = null;

/** Runs one harness function in the page. */
function call<K extends keyof FusedHarness>(name: K, ...args: Parameters<FusedHarness[K]>) {
  return page.evaluate(
    ([n, a]) => {
      const h = (globalThis as unknown as { fusedHarness: FusedHarness }).fusedHarness;
      return (h[n] as (...x: unknown[]) => unknown)(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<FusedHarness[K]>>>;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  const bundled = await build({
    entryPoints: ['e2e/harness/fusedWebgpuHarness.ts'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  const script = bundled.outputFiles[0]?.text ?? '';
  page = await browser.newPage();
  await page.route(`**${HARNESS}**`, (route) =>
    route.request().url().endsWith('.js')
      ? route.fulfill({ contentType: 'text/javascript', body: script })
      : route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><meta charset="utf-8"><script type="module" src="${HARNESS}harness.js"></script>`,
        }),
  );
  await page.goto(`${HARNESS}index.html`);
  await page.waitForFunction(() => 'fusedHarness' in globalThis);
  adapter = await call('adapterName');
  // No skipping without an adapter: the config launches Chromium with SwiftShader's WebGPU
  // (shared/notes/webgpu-headless.md), so none means the launch is wrong, and every case fails.
  expect(adapter, 'navigator.gpu gave no WebGPU adapter: check the WebGPU flags in e2e/browser.ts').not.toBeNull();
});

test.afterAll(async () => {
  await page?.close();
});

const BASE: CaseConfig = {
  rows: 64,
  inputs: 6,
  tasks: [{ kind: 'binary' }, { kind: 'regression' }, { kind: 'multiclass', classes: 4 }],
  trunk: [
    { units: 16, activation: 'relu', dropout: 0 },
    { units: 12, activation: 'tanh', dropout: 0 },
  ],
  headHidden: [0, 5, 0],
  batchSize: 64,
  optimizer: 'sgd',
  learningRate: 1,
  steps: 1,
};

/** Largest |a − b| / (|b| + floor) over two vectors. */
function worstRelative(a: number[], b: number[], floor: number): number {
  expect(a).toHaveLength(b.length);
  return Math.max(0, ...a.map((v, i) => Math.abs(v - (b[i] as number)) / (Math.abs(b[i] as number) + floor)));
}

/**
 * Checks a side-by-side run: the first step's loss vector to 1e-5 relative, later steps' to
 * `laterLoss` (Adam and RMSProp divide by √v, so a gradient's last-bit difference grows where v is
 * tiny); per partition, the parameters to `paramTolerance` of the largest change TF.js made.
 */
function expectAgreement(r: CompareResult, paramTolerance: number, laterLoss = 1e-5): void {
  r.tfjs.forEach((tfjs, i) => {
    const worst = worstRelative(r.engine[i] as number[], tfjs, 1e-6);
    expect(worst, `step ${i + 1} losses ${r.engine[i]} vs TF.js ${tfjs}`).toBeLessThan(i === 0 ? 1e-5 : laterLoss);
  });
  for (const [start, end] of r.partitions) {
    let moved = 0;
    let worst = 0;
    for (let i = start; i < end; i++) {
      moved = Math.max(moved, Math.abs((r.tfjsAfter[i] as number) - (r.before[i] as number)));
      worst = Math.max(worst, Math.abs((r.engineAfter[i] as number) - (r.tfjsAfter[i] as number)));
    }
    expect(worst, `parameters [${start}, ${end}) differ by ${worst} (TF.js moved them ≤ ${moved})`).toBeLessThanOrEqual(
      paramTolerance * moved,
    );
  }
}

/** Parameters of partition p that the engine changed. */
function movedIn(r: CompareResult, p: number): number {
  const [start, end] = r.partitions[p] as [number, number];
  let n = 0;
  for (let i = start; i < end; i++) if (r.engineAfter[i] !== r.before[i]) n++;
  return n;
}

test('the adapter is SwiftShader', () => {
  expect(adapter).toMatch(/swiftshader/i);
});

test('one SGD step at rate 1 gives TF.js losses and gradients (relu / tanh trunk, a hidden head layer)', async () => {
  expectAgreement(await call('compareSteps', BASE), 1e-5);
});

test('sigmoid / leakyRelu trunk, hidden heads, missing targets and class weights', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    masked: true,
    trunk: [
      { units: 20, activation: 'sigmoid', dropout: 0 },
      { units: 9, activation: 'leakyRelu', dropout: 0 },
    ],
    headHidden: [3, 0, 4],
  });
  expectAgreement(r, 1e-5);
});

test('elu / selu trunk, 33 units wide (not a whole tile)', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    trunk: [
      { units: 33, activation: 'elu', dropout: 0 },
      { units: 7, activation: 'selu', dropout: 0 },
    ],
    headHidden: [0, 0, 0],
  });
  expectAgreement(r, 1e-5);
});

test('Adam over 3 steps with a short last batch, L1 and L2', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    rows: 150,
    masked: true,
    optimizer: 'adam',
    learningRate: 0.01,
    steps: 3,
    l1: 0.001,
    l2: 0.002,
  });
  expectAgreement(r, 1e-4, 5e-5);
});

test('Uncertainty with Adam: the learned weights, and an off task whose head does not move', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    optimizer: 'adam',
    learningRate: 0.05,
    steps: 3,
    weighting: 'uncertainty',
    enabled: [true, false, true],
    l2: 0.01, // the off head's kernels get a gradient (its penalty), and still must not move
  });
  expectAgreement(r, 1e-4, 5e-5);
  expect(r.engine[2]?.[4]).not.toBe(1); // task 0's weight after two strategy steps: e^(−s) ≠ 1
  expect(movedIn(r, 2)).toBe(0);
  expect(movedIn(r, 1)).toBeGreaterThan(0);
});

test('clipping by the global norm (log-variances included) with momentum', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    optimizer: 'momentum',
    learningRate: 0.1,
    steps: 3,
    clipNorm: 0.5,
    weighting: 'uncertainty',
  });
  expectAgreement(r, 1e-4);
});

test('RMSProp with L2 and clipping; a head at weight 0 and an off head keep their parameters', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    optimizer: 'rmsprop',
    learningRate: 0.01,
    steps: 3,
    weights: [1, 0, 1],
    enabled: [true, true, false],
    l2: 0.01,
    clipNorm: 1,
  });
  expectAgreement(r, 1e-4, 5e-5);
  expect(movedIn(r, 2)).toBe(0);
  expect(movedIn(r, 3)).toBe(0);
});

test('no trunk: the heads take the inputs', async () => {
  const r = await call('compareSteps', {
    ...BASE,
    trunk: [],
    headHidden: [4, 0, 0],
    optimizer: 'adam',
    learningRate: 0.01,
    steps: 2,
  });
  expectAgreement(r, 1e-4, 5e-5);
});

test('dropout: the masks of dropoutMask.ts, forward and backward', async () => {
  const r = await call('compareDropout', {
    ...BASE,
    masked: true,
    batchSize: 48,
    trunk: [
      { units: 16, activation: 'tanh', dropout: 0.3 },
      { units: 12, activation: 'sigmoid', dropout: 0.5 },
    ],
  });
  expect(worstRelative(r.engine, r.reference, 1e-6)).toBeLessThan(1e-5);
  const scale = Math.max(...r.numeric.map(Math.abs));
  r.gradient.forEach((g, i) => expect(Math.abs(g - (r.numeric[i] as number))).toBeLessThan(1e-4 * scale));
});

test('optimiser state moves between engines exactly; resetOptimizer and resetStrategy start afresh', async () => {
  const r = await call(
    'stateRoundTrip',
    {
      ...BASE,
      rows: 100,
      batchSize: 32,
      optimizer: 'adam',
      learningRate: 0.01,
      weighting: 'uncertainty',
      enabled: [true, true, false],
    },
    5,
  );
  expect(r.iterations).toEqual([5, 5, 5, 0]);
  expect(r.strategyIterations).toBe(5);
  expect(r.copy).toEqual(r.original);
  expect(r.paramsAgree).toBe(true);
  expect(r.stateAgrees).toBe(true);
  expect(r.resetIterations).toEqual([0, 0, 0, 0]);
  expect(r.resetSlotsZero).toBe(true);
  expect(r.strategyKept).toBe(true);
  expect(r.afterReset).toEqual(r.freshSteps);
  expect(r.resetParamsAgree).toBe(true);
  expect(r.strategyAfterReset.every((v) => v === 0)).toBe(true);
});

test('the loss ring copies itself out before it wraps, so late reads lose nothing', async () => {
  const r = await call('ringCheck', { ...BASE, rows: 100, batchSize: 32, optimizer: 'adam', learningRate: 0.01 }, 30);
  expect(r.late).toHaveLength(30);
  expect(r.late).toEqual(r.each);
});

test('300 steps at the reference widths: losses finite and falling, memory constant, device kept', async () => {
  const r = await call(
    'soak',
    {
      rows: 2000,
      inputs: 32,
      tasks: [{ kind: 'binary' }, { kind: 'regression' }, { kind: 'multiclass', classes: 5 }],
      trunk: [
        { units: 128, activation: 'relu', dropout: 0.1 },
        { units: 128, activation: 'relu', dropout: 0 },
      ],
      headHidden: [0, 0, 0],
      batchSize: 64,
      optimizer: 'adam',
      learningRate: 0.003,
      steps: 300,
    },
    50,
  );
  expect(r.finite).toBe(true);
  expect(r.lastTotal).toBeLessThan(r.firstTotal);
  expect(new Set(r.memory).size, `memoryBytes over the run: ${r.memory}`).toBe(1);
  expect(r.lost).toBeNull();
});

test('a device destroyed mid-run: the runner says so once, goes back to the last good weights and finishes on TF.js', async () => {
  const r = await call(
    'deviceLossMidRun',
    { ...BASE, rows: 200, batchSize: 32, optimizer: 'adam', learningRate: 0.01 },
    5,
    2,
  );
  expect(r.said, JSON.stringify(r.said)).toHaveLength(1);
  expect(r.said[0]?.reason).toContain('lost');
  expect(r.said[0]?.step).toBeLessThanOrEqual(2 * Math.ceil(200 / 32)); // no step after the loss counts
  expect(r.epochs).toEqual([1, 2, 3, 4, 5]);
  expect(r.finite).toBe(true);
  expect(r.engineAfter).toBeNull();
  expect(r.stepsAfter).toBe(5 * Math.ceil(200 / 32));
});

test('reads of an engine whose device was just destroyed fail as a lost engine (step, weights, optimiser state)', async () => {
  const r = await call('readsAfterDestroy', { ...BASE, optimizer: 'adam', learningRate: 0.01 });
  expect(r).toEqual({ step: 'EngineLostError', syncModel: 'EngineLostError', optimizerState: 'EngineLostError' });
});
