/**
 * The fused training engines next to TF.js (bench/enginePage.ts, in bare.html): per case and
 * backend, steps/s of TF.js's step and of the fused engine's on the same model, data and
 * optimiser (Adam), their GFLOP/s and share of the page's own single-thread WASM SIMD
 * multiply-add peak (simdPeak.ts), and at TF Playground's size its own code's samples/s. Then a CPU
 * profile of each side's step on the reference case (wasm). Each test writes one result for
 * bench/run.mjs (kind 'engines' / 'enginesProfile'). Timings are never asserted.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser.ts';
import { QUICK, writeResult } from './cases.ts';
import { summariseProfile, type CpuProfile } from './cpuProfile.ts';
import type { EngineCaseOptions, EngineCaseResult, SideResult } from './enginePage.ts';
import { fusedWasmNames } from './wasmNames.ts';

interface EngineCase {
  id: string;
  data: EngineCaseOptions['data'];
  trunk: number[];
  activation: EngineCaseOptions['activation'];
  batchSize: number;
}

const CASES: EngineCase[] = [
  { id: 'reference', data: 'reference', trunk: [128, 128], activation: 'relu', batchSize: 256 },
  { id: 'playground', data: 'playground', trunk: [4, 4, 2], activation: 'tanh', batchSize: 10 },
  { id: 'trunk 512-512', data: 'reference', trunk: [512, 512], activation: 'relu', batchSize: 256 },
  { id: 'batch 1024', data: 'reference', trunk: [128, 128], activation: 'relu', batchSize: 1024 },
];
const BACKENDS = ['wasm', 'webgpu'] as const;

/** The app's training split of 20 000 reference rows (70 %); WebGPU is emulated here (SwiftShader): 2 000. TF Playground: 250 of its 500 points. */
function options(c: EngineCase, backend: (typeof BACKENDS)[number]): EngineCaseOptions {
  const gpu = backend === 'webgpu';
  return {
    backend,
    data: c.data,
    trunk: c.trunk,
    activation: c.activation,
    batchSize: c.batchSize,
    trainRows: c.data === 'playground' ? 250 : gpu ? 1400 : 14000,
    warmupSteps: QUICK ? (gpu ? 1 : 2) : gpu ? 3 : 20,
    budgetMs: QUICK ? 100 : gpu ? 6000 : 3000,
    minSteps: QUICK ? (gpu ? 1 : 2) : gpu ? 5 : 50,
    readEvery: gpu ? 10 : 50,
  };
}

async function openEnginePage(page: Page): Promise<void> {
  await page.goto('/bench/bare.html');
  await page.waitForFunction(() => document.body.dataset.enginesReady === 'true');
}

type Bench = {
  runCase: (o: unknown) => Promise<EngineCaseResult>;
  prepare: (o: unknown) => Promise<unknown>;
  time: (which: 'tfjs' | 'fused', o?: unknown) => Promise<SideResult>;
  dispose: () => void;
};
const bench = (page: Page) =>
  ({
    runCase: (o: unknown) =>
      page.evaluate((x) => (window as unknown as { engineBench: Bench }).engineBench.runCase(x), o),
    prepare: (o: unknown) =>
      page.evaluate((x) => (window as unknown as { engineBench: Bench }).engineBench.prepare(x), o),
    time: (which: 'tfjs' | 'fused', o: unknown = {}) =>
      page.evaluate(
        ([w, x]) => (window as unknown as { engineBench: Bench }).engineBench.time(w as 'tfjs' | 'fused', x),
        [which, o] as const,
      ),
  }) as const;

const ok = (s: SideResult | { error: string }): s is SideResult => !('error' in s);

for (const backend of BACKENDS)
  for (const c of CASES)
    test(`engines: ${c.id} on ${backend}, fused vs TF.js`, async ({ baseURL }) => {
      // A browser of its own: a GPU process that an engine wedged (SwiftShader) ends with it.
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const o = {
        ...options(c, backend),
        // The physical reference, in every WASM case's own page; TF Playground's code at its own size.
        simdPeakMs: backend === 'wasm' ? (QUICK ? 20 : 300) : 0,
        playgroundMs: backend === 'wasm' && c.data === 'playground' ? (QUICK ? 100 : 3000) : 0,
      };
      let r: EngineCaseResult;
      try {
        const page = await (await browser.newContext({ baseURL })).newPage();
        await openEnginePage(page);
        r = await bench(page).runCase(o);
      } finally {
        await browser.close();
      }
      const { tfjs, fused, simdPeak, playground } = r;
      const peak = simdPeak?.gflops;
      const entry = {
        case: c.id,
        backend,
        fusedStepsPerS: ok(fused) ? fused.stepsPerS : null,
        tfjsStepsPerS: ok(tfjs) ? tfjs.stepsPerS : null,
        ratio: ok(fused) && ok(tfjs) ? fused.stepsPerS / tfjs.stepsPerS : null,
        fusedSamplesPerS: ok(fused) ? fused.samplesPerS : null,
        tfjsSamplesPerS: ok(tfjs) ? tfjs.samplesPerS : null,
        flopsPerStep: r.flopsPerStep,
        fusedGflops: ok(fused) ? fused.gflops : null,
        tfjsGflops: ok(tfjs) ? tfjs.gflops : null,
        simdPeakGflops: peak ?? null,
        fusedShareOfPeak: ok(fused) && peak ? fused.gflops / peak : null,
        tfjsShareOfPeak: ok(tfjs) && peak ? tfjs.gflops / peak : null,
        ...(playground
          ? {
              playgroundSamplesPerS: playground.samplesPerS,
              fusedVsPlayground: ok(fused) ? fused.samplesPerS / playground.samplesPerS : null,
            }
          : {}),
        fusedError: ok(fused) ? null : fused.error,
        tfjsError: ok(tfjs) ? null : tfjs.error,
      };
      writeResult(`engines-${c.id}-${backend}`, { kind: 'engines', entry, options: o, raw: r });
      expect(entry.tfjsError).toBeNull();
      expect(entry.fusedError).toBeNull();
    });

test('engines: CPU profile of the fused WASM step and of the TF.js wasm step (reference)', async ({ page }) => {
  await openEnginePage(page);
  const c = CASES[0] as EngineCase;
  const o = options(c, 'wasm');
  const b = bench(page);
  await b.prepare(o);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const wasmNames = await fusedWasmNames(!QUICK);
  const profileSide = async (which: 'tfjs' | 'fused'): Promise<{ error: string } | Record<string, unknown>> => {
    try {
      await b.time(which, { budgetMs: QUICK ? 50 : 1000 }); // warm: the profile holds settled steps only
    } catch (e) {
      return {
        error: String(e)
          .replace(/^Error: (page.evaluate: )?(Error: )?/, '')
          .slice(0, 300),
      };
    }
    await cdp.send('Profiler.start');
    const timing = await b.time(which, { warmupSteps: 0, budgetMs: QUICK ? 100 : 3000 });
    const { profile } = await cdp.send('Profiler.stop');
    const names = which === 'fused' ? wasmNames.names : {};
    return { stepsPerS: timing.stepsPerS, ...summariseProfile(profile as CpuProfile, names) };
  };
  const tfjs = await profileSide('tfjs');
  const fused = await profileSide('fused');
  await cdp.send('Profiler.disable');
  await page.evaluate(() => (window as unknown as { engineBench: Bench }).engineBench.dispose());
  const wasmNamesNote = wasmNames.note;
  writeResult('engines-profile', { kind: 'enginesProfile', case: c.id, backend: 'wasm', wasmNamesNote, tfjs, fused });
  expect(tfjs).not.toHaveProperty('error');
  expect(fused).not.toHaveProperty('error');
});
