import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { toyCsv, TOY_ROLES } from '../core/testing/toyData.ts';
import { DEFAULT_SCHEDULE } from '../core/train/schedules.ts';
import { DEFAULT_WEIGHTING } from '../core/weighting/strategies.ts';
import type { FromWorker, RunConfig } from './protocol.ts';
import { createTrainingSession } from './session.ts';

const config: RunConfig = {
  roles: TOY_ROLES,
  encodings: {},
  positiveClasses: {},
  balanceClasses: {},
  embeddingDim: 0,
  weights: { clicked: 1, segment: 1, spend: 1 },
  enabled: {},
  trunk: [{ units: 8, activation: 'relu', dropout: 0 }],
  experts: 1,
  headHidden: {},
  optimizer: 'adam',
  schedule: DEFAULT_SCHEDULE,
  l1: 0,
  l2: 0,
  clipNorm: 0,
  weighting: DEFAULT_WEIGHTING,
  earlyStopping: { enabled: false, monitor: 'total', patience: 3 },
  epochs: 2,
  batchSize: 32,
  learningRate: 0.01,
  seed: 1,
  splitSeed: 1,
  validationPercent: 15,
  testPercent: 15,
};

function setup() {
  const events: FromWorker[] = [];
  const session = createTrainingSession((m) => events.push(m), {
    selectBackend: async () => ({ backend: 'cpu', reason: 'test' }),
    fetchBytes: async (url: string) => new TextEncoder().encode(url.endsWith('bad.csv') ? '' : toyCsv(120)),
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  });
  const of = <T extends FromWorker['type']>(type: T) =>
    events.filter((e): e is Extract<FromWorker, { type: T }> => e.type === type);
  return { session, events, of };
}

describe('training session', () => {
  it('loads a dataset, trains the requested epochs, and reports losses, epochs and state', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    expect(of('datasetLoaded')[0]).toMatchObject({ name: 'toy', rowCount: 120 });
    await session.handle({ type: 'train', config });
    expect(of('runCreated')[0]?.tasks.map((t) => t.name)).toEqual(['clicked', 'segment', 'spend']);
    expect(of('epochEnded').map((e) => e.report.epoch)).toEqual([1, 2]);
    expect(of('stateChanged').map((e) => e.state)).toEqual(['running', 'done']);
    // The test split is evaluated once the run is done, for every task.
    expect(of('testEvaluated')[0]?.metrics).toHaveLength(3);
    expect(of('testEvaluated')[0]?.epoch).toBe(2);
    // Each evaluation carries the plot data of each task type; validation rows add up to the split.
    const [binary, multiclass, regression] = of('epochEnded')[1]?.diagnostics ?? [];
    const valRows = of('runCreated')[0]?.splitRows.val;
    expect(binary?.kind === 'binary' && binary.positives + binary.negatives).toBe(valRows);
    expect(binary?.kind === 'binary' && binary.atThreshold.every((c) => c.tp + c.fp + c.tn + c.fn === valRows)).toBe(
      true,
    );
    expect(multiclass?.kind === 'multiclass' && multiclass.matrix.flat().reduce((a, b) => a + b, 0)).toBe(valRows);
    expect(regression?.kind === 'regression' && regression.count).toBe(valRows);
    expect(of('testEvaluated')[0]?.diagnostics.map((d) => d.kind)).toEqual(['binary', 'multiclass', 'regression']);
    const steps = of('losses').flatMap((e) => e.steps.map((s) => s.step));
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    // Train again after Done: another `epochs` epochs on the same model.
    await session.handle({ type: 'train', config });
    expect(of('epochEnded').map((e) => e.report.epoch)).toEqual([1, 2, 3, 4]);
    await session.handle({ type: 'reset' });
  });

  it('acknowledges a weight change with the step it applies from', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    await session.handle({ type: 'step', config });
    await session.handle({ type: 'setWeights', weights: { segment: 0 }, enabled: {} });
    expect(of('weightsApplied').at(-1)).toEqual({
      type: 'weightsApplied',
      step: 1,
      weights: { clicked: 1, segment: 0, spend: 1 },
      enabled: {},
    });
    await session.handle({ type: 'step', config });
    const last = of('losses').at(-1)?.steps.at(-1);
    expect(last?.total).toBeCloseTo((last?.perTask[0] ?? NaN) + (last?.perTask[2] ?? NaN), 5);
    await session.handle({ type: 'reset' });
  });

  it('keeps the loaded dataset and the run when a bad file arrives, and says why', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    await session.handle({ type: 'step', config });
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/bad.csv', name: 'bad' } });
    expect(of('error').at(-1)?.message).toMatch(/empty/);
    expect(of('runReset')).toHaveLength(0);
    await session.handle({ type: 'step', config });
    expect(of('losses').at(-1)?.steps.at(-1)?.step).toBe(2);
    await session.handle({ type: 'reset' });
  });

  it('pauses between steps, and frees every tensor of the run on reset', async () => {
    const { session, of } = setup();
    const baseline = tf.memory().numTensors;
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    const training = session.handle({ type: 'train', config: { ...config, epochs: 1000 } });
    while (of('losses').length === 0) await new Promise((r) => setTimeout(r, 5));
    await session.handle({ type: 'pause' });
    await training;
    expect(of('stateChanged').at(-1)?.state).toBe('paused');
    await session.handle({ type: 'reset' });
    expect(of('runReset').at(-1)?.numTensors).toBe(baseline);
  });

  it('reports a roles problem as an error and keeps working', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    await session.handle({ type: 'train', config: { ...config, roles: { x1: 'input' } } });
    expect(of('error').at(-1)?.message).toMatch(/No column is a target/);
    await session.handle({ type: 'train', config: { ...config, epochs: 1 } });
    expect(of('stateChanged').at(-1)?.state).toBe('done');
    await session.handle({ type: 'reset' });
  });

  it('exports the trained model in the TF.js layers format: all weights, task metadata, loadable with one output per task', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    await session.handle({ type: 'train', config: { ...config, epochs: 1 } });
    await session.handle({ type: 'exportModel' });
    const exported = of('modelExported')[0];
    if (!exported) throw new Error('no export');
    const json = JSON.parse(exported.modelJson) as {
      modelTopology: object;
      weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
      userDefinedMetadata: { tasks: { name: string }[] };
    };
    expect(json.weightsManifest[0]?.paths).toEqual(['weights.bin']);
    expect(exported.weights.byteLength).toBe(4 * (of('runCreated')[0]?.parameterCount ?? 0));
    expect(json.userDefinedMetadata.tasks.map((t) => t.name)).toEqual(['clicked', 'segment', 'spend']);
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]?.weights ?? [],
        weightData: exported.weights,
      }),
    );
    const x = tf.ones([2, model.inputs[0]?.shape[1] as number]);
    const out = model.predict(x) as tf.Tensor[];
    expect(out.map((o) => o.shape)).toEqual([
      [2, 1],
      [2, 3],
      [2, 1],
    ]);
    tf.dispose([x, ...out]);
    model.dispose();
    await session.handle({ type: 'reset' });
  });

  it('trains one network per task for the baselines, reports single vs multi-task metrics, and cancels', async () => {
    const { session, of } = setup();
    const baseline = tf.memory().numTensors;
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    await session.handle({ type: 'train', config: { ...config, epochs: 2 } });
    await session.handle({ type: 'trainBaselines' });
    const done = of('baselinesDone')[0];
    expect(done?.epochs).toBe(2);
    expect(done?.single.map((m) => m.count)).toEqual(done?.multi.map((m) => m.count));
    expect(
      of('baselineProgress')
        .filter((p) => p.epoch === 2)
        .map((p) => p.taskIndex),
    ).toEqual([0, 1, 2]);
    // Each baseline epoch reports its validation metrics (the overlaid curves); the test split is compared too.
    expect(
      of('baselineProgress')
        .filter((p) => p.epoch > 0)
        .every((p) => p.metrics !== undefined && Number.isFinite(p.metrics.loss)),
    ).toBe(true);
    expect(done?.singleTest?.map((m) => m.count)).toEqual(done?.multiTest?.map((m) => m.count));
    expect(done?.singleTest).toHaveLength(3);
    const cancelled = session.handle({ type: 'trainBaselines' });
    await session.handle({ type: 'cancelBaselines' });
    await cancelled;
    expect(of('baselinesCancelled')).toHaveLength(1);
    await session.handle({ type: 'reset' });
    expect(of('runReset').at(-1)?.numTensors).toBe(baseline);
  });

  it("after early stopping, sends the restored epoch's validation plot data and tests that model", async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    // A large learning rate and patience 1 make the validation loss stop improving within a few epochs.
    await session.handle({
      type: 'train',
      config: {
        ...config,
        epochs: 60,
        learningRate: 0.2,
        earlyStopping: { enabled: true, monitor: 'total', patience: 1 },
      },
    });
    const stopped = of('stateChanged').at(-1);
    expect(stopped?.state).toBe('stoppedEarly');
    const refreshed = of('validationDiagnostics');
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]?.epoch).toBe(stopped?.bestEpoch);
    expect(refreshed[0]?.epoch).toBeLessThan(of('epochEnded').length);
    // The restored model is the one tested, and its validation loss is the best epoch's.
    expect(of('testEvaluated')).toHaveLength(1);
    await session.handle({ type: 'reset' });
  });

  it('with no test rows, neither the run nor the baselines touch a test split', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    await session.handle({ type: 'train', config: { ...config, epochs: 1, validationPercent: 20, testPercent: 0 } });
    expect(of('runCreated')[0]?.splitRows.test).toBe(0);
    expect(of('testEvaluated')).toHaveLength(0);
    await session.handle({ type: 'trainBaselines' });
    expect(of('baselinesDone')[0]).toMatchObject({ singleTest: null, multiTest: null });
    await session.handle({ type: 'reset' });
  });

  it('keeps the split when only Seed changes, and moves it with Split seed', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' } });
    // The regression task's test plot data lists the actual values of the test rows, in row order.
    const testRun = async (seed: number, splitSeed: number) => {
      await session.handle({ type: 'train', config: { ...config, epochs: 1, seed, splitSeed } });
      const tested = of('testEvaluated').at(-1);
      await session.handle({ type: 'reset' });
      const spend = tested?.diagnostics[2];
      if (spend?.kind !== 'regression') throw new Error('expected the regression task third');
      return { actual: [...spend.actual], loss: tested?.metrics[2]?.loss };
    };
    const a = await testRun(1, 5);
    const b = await testRun(2, 5);
    const c = await testRun(1, 6);
    expect(b.actual).toEqual(a.actual); // same test rows…
    expect(b.loss).not.toBe(a.loss); // …another initialisation
    expect(c.actual).not.toEqual(a.actual);
  });
});
