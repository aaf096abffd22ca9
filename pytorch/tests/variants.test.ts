/**
 * The PyTorch project against the app's own trainer on the variants the browser parity test does
 * not reach: every optimiser, every activation, head hidden layers, MMoE, missing values with
 * missing indicators, balanced class weights, chained tasks, embeddings, L1/L2, clipping, each
 * schedule, every strategy, a task switched off and live changes. Each run is trained by the worker's
 * own run (createActiveRun, TF.js cpu backend in Node), exported with the worker's own
 * pytorchProjectFiles, retrained by the exported script (Debian's python3 + torch), and compared
 * epoch by epoch.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../../src/core/csv/parseCsv.ts';
import { tableCsv } from '../../src/core/csv/tableCsv.ts';
import type { Table } from '../../src/core/csv/table.ts';
import { generateEcommerceTable } from '../../src/core/data/ecommerceSample.ts';
import { metricsHistoryCsv, type EvaluationRecord } from '../../src/core/metrics/metricsHistoryCsv.ts';
import { toyCsv } from '../../src/core/testing/toyData.ts';
import '../../src/core/testing/setupTfCpu.ts';
import { DEFAULT_SCHEDULE } from '../../src/core/train/schedules.ts';
import { createActiveRun } from '../../src/worker/activeRun.ts';
import type { FromWorker, RunConfig, RunPatch } from '../../src/worker/protocol.ts';
import { pytorchProjectFiles } from '../../src/worker/pytorchProject.ts';
import { config as toyConfig } from '../../src/worker/sessionHarness.ts';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const TEMPLATE = join(import.meta.dirname, '..', 'project');

/** The toy table with holes: missing targets (masked out) and a missing input (its indicator slot). */
function toyWithGaps(rows: number): string {
  return toyCsv(rows, 3)
    .split('\n')
    .map((line, i) => {
      if (i === 0) return line;
      const cells = line.split(',');
      if (i % 7 === 0) cells[5] = '';
      if (i % 11 === 0) cells[3] = 'NA';
      if (i % 13 === 0) cells[1] = '';
      return cells.join(',');
    })
    .join('\n');
}

interface Variant {
  name: string;
  csv: () => string;
  config: Partial<RunConfig>;
  /** Live changes: applied after that many epochs. */
  changes?: [epochs: number, patch: RunPatch][];
  epochs: number;
}

const ECOMMERCE_ROLES = {
  user_id: 'input',
  item_id: 'input',
  user_age: 'input',
  device: 'input',
  item_price: 'input',
  position: 'input',
  clicked: 'binary',
  purchased: 'binary',
  spend: 'regression',
} as const;

const VARIANTS: Variant[] = [
  {
    name: "early stopping by a task's loss: stopped early and trained on, the best epoch restored at each target, then a weight change",
    csv: () => toyCsv(300, 8),
    config: {
      learningRate: 0.1,
      trunk: [{ units: 24, activation: 'relu', dropout: 0 }],
      earlyStopping: { enabled: true, monitor: 'spend', patience: 2 },
    },
    changes: [
      [2, {}],
      [4, { weights: [1, 0.5, 2] }],
      [6, {}],
      [8, { learningRate: 0.02 }],
    ],
    epochs: 10,
  },
  {
    name: 'SGD, leaky ReLU and tanh, a head hidden layer, balanced classes, L1 + L2, clipping, step decay, gaps',
    csv: () => toyWithGaps(400),
    config: {
      optimizer: 'sgd',
      learningRate: 0.05,
      trunk: [
        { units: 16, activation: 'leakyRelu', dropout: 0 },
        { units: 8, activation: 'tanh', dropout: 0 },
      ],
      headHidden: { segment: 6 },
      balanceClasses: { segment: true, clicked: true },
      l1: 1e-4,
      l2: 1e-3,
      clipNorm: 0.5,
      schedule: { ...DEFAULT_SCHEDULE, kind: 'step', everyEpochs: 1, factor: 0.7 },
    },
    epochs: 4,
  },
  {
    name: 'momentum, ELU, three experts (MMoE), DWA, exponential decay',
    csv: () => toyCsv(400, 5),
    config: {
      optimizer: 'momentum',
      learningRate: 0.02,
      trunk: [{ units: 12, activation: 'elu', dropout: 0 }],
      experts: 3,
      weighting: { strategy: 'dwa', dwaTemperature: 2, gradNormAlpha: 1.5 },
      schedule: { ...DEFAULT_SCHEDULE, kind: 'exponential', decayRate: 0.8 },
    },
    epochs: 4,
  },
  {
    name: 'RMSProp, SELU and sigmoid, GradNorm, cosine with warm-up',
    csv: () => toyCsv(400, 6),
    config: {
      optimizer: 'rmsprop',
      learningRate: 0.003,
      trunk: [
        { units: 16, activation: 'selu', dropout: 0 },
        { units: 8, activation: 'sigmoid', dropout: 0 },
      ],
      weighting: { strategy: 'gradnorm', dwaTemperature: 2, gradNormAlpha: 1.2 },
      schedule: { ...DEFAULT_SCHEDULE, kind: 'cosine', warmupEpochs: 1, totalEpochs: 4, minFraction: 0.1 },
    },
    epochs: 4,
  },
  {
    name: 'PCGrad with a task off, then on again, and a linear layer',
    csv: () => toyCsv(400, 7),
    config: {
      trunk: [
        { units: 10, activation: 'linear', dropout: 0 },
        { units: 10, activation: 'relu', dropout: 0 },
      ],
      weighting: { strategy: 'pcgrad', dwaTemperature: 2, gradNormAlpha: 1.5 },
      enabled: { segment: false },
    },
    changes: [[2, { enabled: [true, true, true] }]],
    epochs: 4,
  },
  {
    name: 'e-commerce: embeddings, a chained task (purchased after clicked), Equal then Uncertainty, weight and rate changes',
    csv: () => tableCsv(generateEcommerceTable(2024, { rows: 1500 })),
    config: {
      roles: ECOMMERCE_ROLES,
      positiveClasses: { clicked: 'yes', purchased: 'yes' },
      chainedTo: { purchased: 'clicked' },
      encodings: {},
      embeddingDim: 4,
      weights: { clicked: 1, purchased: 1, spend: 1 },
      batchSize: 64,
      weighting: { strategy: 'equal', dwaTemperature: 2, gradNormAlpha: 1.5 },
    },
    changes: [
      [1, { weighting: { strategy: 'manual', dwaTemperature: 2, gradNormAlpha: 1.5 }, weights: [1, 2, 0.5] }],
      [2, { weighting: { strategy: 'uncertainty', dwaTemperature: 2, gradNormAlpha: 1.5 }, learningRate: 0.002 }],
    ],
    epochs: 4,
  },
];

/** Trains a variant in the worker's run, exports it, and retrains the export in PyTorch. */
async function retrace(variant: Variant) {
  const csv = variant.csv();
  const table: Table = parseCsvSync(csv).table;
  const events: FromWorker[] = [];
  const config = { ...toyConfig, ...variant.config, epochs: variant.epochs } as RunConfig;
  const run = createActiveRun(
    1,
    table,
    config,
    (m) => events.push(m),
    async () => {},
  );
  let stoppedEarly = 0;
  try {
    let done = 0;
    for (const [epochs, patch] of [...(variant.changes ?? []), [variant.epochs, {}] as [number, RunPatch]]) {
      run.setTarget(epochs);
      // As the session does: at the target, early stopping's best epoch comes back (session.ts settle);
      // after an early stop the person presses Train again.
      while (run.trainer.epochsCompleted < epochs) {
        const outcome = await run.runner.runUntil(epochs, () => false);
        if (outcome.kind === 'stoppedEarly') stoppedEarly++;
        if (outcome.kind === 'done') {
          const restored = run.runner.restoreBestWeights();
          if (restored !== null) run.recordRestore(restored);
        }
      }
      if (epochs < variant.epochs) run.apply(patch);
      done = epochs;
    }
    expect(run.trainer.epochsCompleted).toBe(done);
    const records: EvaluationRecord[] = events.flatMap((e) => (e.type === 'epochEnded' ? [e.report] : []));
    expect(records).toHaveLength(variant.epochs);
    const files = await pytorchProjectFiles(run, table, {
      dataset: { name: 'data.csv', rows: table.rowCount, bytes: csv.length, sha256: null, sample: null },
      csv: { delimiter: ',', decimalComma: false },
    });
    const dir = mkdtempSync(join(tmpdir(), 'mtl-variant-'));
    for (const name of readdirSync(TEMPLATE)) copyFileSync(join(TEMPLATE, name), join(dir, name));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'browser-metrics.csv'), metricsHistoryCsv(records, run.trainer.tasks));
    writeFileSync(join(dir, 'data.csv'), csv);
    const py = spawnSync(
      PYTHON,
      ['train.py', 'data.csv', '--device', 'cpu', '--quiet', '--check', 'browser-metrics.csv'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(py.status, `${py.stdout}\n${py.stderr}`).toBe(0);
    const parity = JSON.parse(readFileSync(join(dir, 'parity.json'), 'utf8'));
    return { ...parity, stoppedEarly, restores: run.timeline.filter((c) => c.restoreBest !== undefined).length } as {
      stoppedEarly: number;
      restores: number;
      rows: { relative: number; epoch: number; task: string; metric: string }[];
      countsAgree: boolean;
      firstStep: { relative: number };
      summary: string;
    };
  } finally {
    run.dispose();
  }
}

describe('the PyTorch project retraces the worker on every variant', () => {
  for (const variant of VARIANTS)
    it(
      variant.name,
      async () => {
        const parity = await retrace(variant);
        console.log(
          `${variant.name}: ${parity.summary}; stopped early ${parity.stoppedEarly}×, best restored ${parity.restores}×`,
        );
        expect(parity.countsAgree).toBe(true);
        expect(parity.rows.length).toBeGreaterThan(10 * variant.epochs);
        const worst = parity.rows.reduce((a, r) => (r.relative > a.relative ? r : a));
        expect(worst.relative, JSON.stringify(worst)).toBeLessThan(1e-3);
        expect(parity.firstStep.relative).toBeLessThan(1e-5);
        if (variant.config.earlyStopping?.enabled) {
          // The run this variant is for: it must have stopped early and had its best weights put back.
          expect(parity.stoppedEarly).toBeGreaterThan(0);
          expect(parity.restores).toBeGreaterThan(0);
        }
      },
      120_000,
    );
});
