import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../core/bundle/base64.ts';
import { readModelBundle } from '../core/bundle/modelBundle.ts';
import { parseCsvSync } from '../core/csv/parseCsv.ts';
import { toyCsv } from '../core/testing/toyData.ts';
import { SETTING_KEYS } from '../core/settings/settingsTable.ts';
import { inEnglish } from '../i18n/inEnglish.ts';
import { createActiveRun } from './activeRun.ts';
import type { FromWorker } from './protocol.ts';
import { initialWeights, pytorchProjectFiles, type InitialWeight, type TableFacts } from './pytorchProject.ts';
import { config, setup } from './sessionHarness.ts';

interface Files {
  config: Record<string, unknown> & {
    settings: Record<string, unknown>;
    exportedAt: { epoch: number; step: number };
    firstStep: { losses: number[]; total: number; weights: number[] } | null;
    dataset: { sha256: string | null };
  };
  preprocess: Record<string, unknown>;
  split: { rows: number; train: number[]; val: number[]; test: number[] };
  weights: InitialWeight[];
  timeline: { changes: Record<string, unknown>[] };
}

/** The files as the worker sends them, each parsed as JSON. */
function parsed(files: Record<string, string>): Files {
  const read = (name: string) => JSON.parse(files[name] as string) as never;
  return {
    config: read('config.json'),
    preprocess: read('preprocess.json'),
    split: read('split.json'),
    weights: (read('initial-weights.json') as { weights: InitialWeight[] }).weights,
    timeline: read('timeline.json'),
  };
}

/** A run of the toy table (nothing posted anywhere). Dispose the run. */
function toyRun(rows: number) {
  const table = parseCsvSync(toyCsv(rows)).table;
  return {
    table,
    run: createActiveRun(
      1,
      table,
      config,
      () => {},
      async () => {},
    ),
  };
}

const decoded = (w: InitialWeight) => new Float32Array(base64ToBytes(w.data).buffer);

const FACTS: TableFacts = {
  dataset: { name: 'toy.csv', rows: 120, bytes: 1, sha256: 'ab', sample: null },
  csv: { delimiter: ',', decimalComma: false },
};

describe('the PyTorch project of a run', () => {
  it("holds the run's split and the network's weights before its first step, and leaks no tensor", async () => {
    const table = parseCsvSync(toyCsv(120)).table;
    const run = createActiveRun(
      1,
      table,
      { ...config, experts: 2 },
      () => {},
      async () => {},
    );
    try {
      const before = run.trainer.model.getWeights().map((w) => Array.from(w.dataSync()));
      const names = run.trainer.model.weights.map((w) => w.originalName);
      const tensors = tf.memory().numTensors;
      const files = parsed(await pytorchProjectFiles(run, table, FACTS));
      expect(tf.memory().numTensors).toBe(tensors);
      const { data } = run.trainer;
      expect(files.split).toEqual({
        rows: 120,
        train: Array.from(data.train.tableRows),
        val: Array.from(data.val.tableRows),
        test: Array.from(data.test.tableRows),
      });
      expect(files.weights.map((w) => w.name)).toEqual(names);
      expect(names).toContain('trunk_expert1_dense1/kernel');
      files.weights.forEach((w, i) => {
        expect(w.shape).toEqual(run.trainer.model.weights[i]?.shape);
        expect(Array.from(decoded(w))).toEqual(before[i]);
      });
      expect(files.preprocess).toMatchObject({
        columnTypes: {
          x1: 'numeric',
          x2: 'numeric',
          colour: 'text',
          clicked: 'text',
          segment: 'text',
          spend: 'numeric',
        },
        classWeights: data.classWeights,
        csv: { delimiter: ',', decimalComma: false },
        featureNames: data.featureNames,
        tasks: data.tasks,
      });
      expect(files.config).toMatchObject({
        format: 'mtl-playground-pytorch',
        version: 1,
        dataset: FACTS.dataset,
        weights: [1, 1, 1],
        enabled: [true, true, true],
        model: { inputSize: data.inputSize, embeddings: [], trunk: config.trunk, experts: 2, headHidden: [0, 0, 0] },
        stepsPerEpoch: run.trainer.stepsPerEpoch,
        exportedAt: { epoch: 0, step: 0 },
        epsilon: tf.backend().epsilon(),
        backend: 'cpu',
        firstStep: null,
      });
      expect(Object.keys(files.config.settings).sort()).toEqual([...SETTING_KEYS].sort());
    } finally {
      run.dispose();
    }
  });

  it('builds the initial weights afresh without leaving a tensor behind', async () => {
    const { run } = toyRun(60);
    await initialWeights(run.trainer.spec, 1); // burn-in
    const tensors = tf.memory().numTensors;
    const weights = await initialWeights(run.trainer.spec, 1);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(weights.map((w) => w.name)).toEqual([
      'trunk_dense1/kernel',
      'trunk_dense1/bias',
      'head0_output/kernel',
      'head0_output/bias',
      'head1_output/kernel',
      'head1_output/bias',
      'head2_output/kernel',
      'head2_output/bias',
    ]);
    weights.forEach((w) => expect(decoded(w).length).toBe(w.shape.reduce((a, b) => a * b, 1)));
    run.dispose();
  });

  it('carries a built-in sample as its own CSV, named and hashed in config.json; a file of the person is not copied', async () => {
    const { table, run } = toyRun(60);
    try {
      const generated = await pytorchProjectFiles(run, table, {
        ...FACTS,
        dataset: { ...FACTS.dataset, sha256: null, sample: 'ecommerce' },
      });
      const { dataset } = JSON.parse(generated['config.json'] as string);
      expect(dataset.file).toBe('ecommerce.csv');
      expect(dataset.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(parseCsvSync(generated['ecommerce.csv'] as string).table).toEqual(table);
      const fromFile = await pytorchProjectFiles(run, table, FACTS);
      expect(Object.keys(fromFile).filter((n) => n.endsWith('.csv'))).toEqual([]);
    } finally {
      run.dispose();
    }
  });

  it("answers exportProject with the run's files: the bundle's initial weights, the live changes by step, the first step", async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config: { ...config, epochs: 3 } });
    // The weights before any step, as Export model writes them (names as model.save gives them).
    await session.handle({ type: 'exportModel', requestId: 2 });
    const bundle = readModelBundle(of('modelExported')[0]?.bundle ?? '');
    await session.handle({ type: 'update', patch: { learningRate: 0.02, maxStepsPerSecond: 0 } });
    await session.handle({ type: 'step' });
    await session.handle({ type: 'step' });
    await session.handle({ type: 'update', patch: { weights: [1, 0, 1] } });
    await session.handle({ type: 'update', patch: { untilEpoch: 4 } }); // paces nothing a step uses: not kept
    await session.handle({ type: 'step' });
    const strategy = { strategy: 'dwa', dwaTemperature: 2, gradNormAlpha: 1.5 } as const;
    await session.handle({ type: 'update', patch: { weighting: strategy, enabled: [true, true, false] } });
    await session.handle({
      type: 'update',
      patch: { earlyStopping: { enabled: true, monitor: 1, patience: 2 } },
    });
    const tensors = tf.memory().numTensors;
    await session.handle({ type: 'exportProject', requestId: 3 });
    expect(tf.memory().numTensors).toBe(tensors);
    const reply = of('projectExported')[0];
    expect(reply?.requestId).toBe(3);
    expect(Object.keys(reply?.files ?? {}).sort()).toEqual([
      'config.json',
      'initial-weights.json',
      'preprocess.json',
      'split.json',
      'timeline.json',
    ]);
    const files = parsed(reply?.files ?? {});
    expect(files.timeline.changes).toEqual([
      { step: 0, learningRate: 0.02 },
      { step: 2, weights: [1, 0, 1] },
      { step: 3, weighting: strategy, enabled: [true, true, false] },
      { step: 3, earlyStopping: { enabled: true, monitor: 1, patience: 2 } },
    ]);
    const first = of('losses')
      .flatMap((l) => l.steps)
      .find((s) => s.step === 1);
    expect(files.config.firstStep).toEqual({ losses: first?.perTask, total: first?.total, weights: first?.weights });
    expect(files.config.exportedAt).toEqual({ epoch: 1, step: 3 });
    expect(files.config.settings).toMatchObject({ epochs: 4, learningRate: 0.01 }); // the target now; the rate as created
    expect(files.config.dataset).toMatchObject({ name: 'toy', rows: 120, sample: null });
    expect(files.config.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { weightSpecs, weightData } = bundle;
    expect(files.weights.map((w) => [w.name, w.shape])).toEqual(weightSpecs.map((s) => [s.name, s.shape]));
    const concatenated = files.weights.flatMap((w) => Array.from(decoded(w)));
    expect(concatenated).toEqual(Array.from(new Float32Array(weightData)));
    const { splitRows } = of('runCreated')[0] as Extract<FromWorker, { type: 'runCreated' }>;
    expect([files.split.train.length, files.split.val.length, files.split.test.length]).toEqual([
      splitRows.train,
      splitRows.val,
      splitRows.test,
    ]);
    expect([...files.split.train, ...files.split.val, ...files.split.test].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 120 }, (_, i) => i),
    );
    await session.handle({ type: 'reset' });
  });

  it('has no first step for a run reopened past it; without a run it says so through the model path', async () => {
    const { session, of, load, train } = setup();
    await load();
    await session.handle({ type: 'exportProject', requestId: 1 });
    const error = of('error')[0];
    expect(error).toMatchObject({ source: 'model', requestId: 1 });
    expect(inEnglish(error?.message ?? { key: '' })).toMatch(/no run to export as a PyTorch project/);
    await train({ ...config, epochs: 1 });
    const saved = of('checkpoint').at(-1);
    if (!saved) throw new Error('no checkpoint');
    const resume = { epoch: saved.epoch, step: saved.step, weights: saved.weights, training: saved.training };
    await session.handle({ type: 'createRun', requestId: 2, config: { ...config, epochs: 2 }, resume });
    await session.handle({ type: 'train', untilEpoch: 2 });
    await session.handle({ type: 'exportProject', requestId: 3 });
    const files = parsed(of('projectExported')[0]?.files ?? {});
    expect(files.config.firstStep).toBeNull();
    expect(files.config.exportedAt).toEqual({ epoch: 2, step: 2 * (files.config.stepsPerEpoch as number) });
    await session.handle({ type: 'reset' });
  });
});
