import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { Message } from '../core/messages/message.ts';
import { inEnglish } from '../i18n/inEnglish.ts';
import { readModelBundle } from '../core/bundle/modelBundle.ts';
import { toyCsv } from '../core/testing/toyData.ts';
import { config, setup } from './sessionHarness.ts';

/** An error event's sentence, as the English page says it. */
const said = (event: { message: Message } | undefined) => (event ? inEnglish(event.message) : '');

describe('training session', () => {
  it('loads a dataset, trains the requested epochs, and reports losses, epochs and state', async () => {
    const { session, of, load, train } = setup();
    await load();
    expect(of('datasetLoaded')[0]).toMatchObject({ name: 'toy', rowCount: 120 });
    await train();
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
    // Train on after Done: the same model, to a later target.
    await session.handle({ type: 'train', untilEpoch: 4 });
    expect(of('epochEnded').map((e) => e.report.epoch)).toEqual([1, 2, 3, 4]);
    await session.handle({ type: 'reset' });
  });

  it('acknowledges a weight change with the step it applies from', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config });
    await session.handle({ type: 'step' });
    const runId = of('runCreated')[0]?.runId;
    await session.handle({ type: 'update', patch: { weights: [1, 0, 1] } });
    expect(of('applied').at(-1)).toEqual({ type: 'applied', runId, step: 1, patch: { weights: [1, 0, 1] } });
    await session.handle({ type: 'step' });
    const last = of('losses').at(-1)?.steps.at(-1);
    expect(last?.total).toBeCloseTo((last?.perTask[0] ?? NaN) + (last?.perTask[2] ?? NaN), 5);
    await session.handle({ type: 'reset' });
  });

  it('keeps the loaded dataset and the run when a bad file arrives, and says why', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config });
    await session.handle({ type: 'step' });
    await session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/bad.csv', name: 'bad' }, loadId: 1 });
    expect(said(of('error').at(-1))).toMatch(/empty/);
    expect(of('runReset')).toHaveLength(0);
    await session.handle({ type: 'step' });
    expect(of('losses').at(-1)?.steps.at(-1)?.step).toBe(2);
    await session.handle({ type: 'reset' });
  });

  it('pauses between steps, and frees every tensor of the run on reset', async () => {
    const { session, of, load, train } = setup();
    const baseline = tf.memory().numTensors;
    await load();
    const training = train(config, null); // until paused
    while (of('losses').length === 0) await new Promise((r) => setTimeout(r, 5));
    await session.handle({ type: 'pause' });
    await training;
    expect(of('stateChanged').at(-1)).toMatchObject({ state: 'paused', targetEpochs: null });
    await session.handle({ type: 'reset' });
    expect(of('runReset').at(-1)?.numTensors).toBe(baseline);
  });

  it('reports a roles problem as an error and keeps working', async () => {
    const { session, of, load, train } = setup();
    await load();
    await train({ ...config, roles: { x1: 'input' } });
    expect(said(of('error').at(-1))).toMatch(/No column is a target/);
    expect(of('error')).toHaveLength(1); // the queued train says nothing more
    await train({ ...config, epochs: 1 });
    expect(of('stateChanged').at(-1)?.state).toBe('done');
    await session.handle({ type: 'reset' });
  });

  it('exports a bundle TF.js loads as it is, and an imported bundle predicts what the trained model predicts', async () => {
    const { session, of, load, train } = setup();
    await load();
    await train({ ...config, epochs: 1 });
    await session.handle({ type: 'exportModel', requestId: 7 });
    const exported = of('modelExported')[0];
    if (!exported) throw new Error('no export');
    expect(exported.requestId).toBe(7);
    const { bundle, weightSpecs, weightData } = readModelBundle(exported.bundle);
    expect(weightData.byteLength).toBe(4 * (of('runCreated')[0]?.parameterCount ?? 0));
    expect(bundle.preprocessing.tasks.map((t) => t.name)).toEqual(['clicked', 'segment', 'spend']);
    expect(bundle).toMatchObject({ dataset: { name: 'toy', rows: 120 }, epochs: 1 });
    // The bundle's `model` is a model.json TF.js reads with its own loader, one output per task.
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: bundle.model.modelTopology as object, weightSpecs, weightData }),
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

    // Predictions of the trained model, then of the bundle imported into a session with no table at all.
    const file = new File([toyCsv(40)], 'new.csv');
    await session.handle({ type: 'predict', requestId: 8, file });
    const inPage = of('predicted')[0];
    const fresh = setup();
    await fresh.session.handle({ type: 'importModel', requestId: 1, file: new File([exported.bundle], 'm.json') });
    expect(fresh.of('modelImported')[0]).toMatchObject({ fileName: 'm.json', epochs: 1 });
    await fresh.session.handle({ type: 'predict', requestId: 2, file });
    const imported = fresh.of('predicted')[0];
    expect(inPage?.rows).toBe(40);
    expect(imported?.columns.map((c) => c.name)).toEqual([
      'clicked',
      'clicked_p',
      'segment',
      'segment_p_high',
      'segment_p_low',
      'segment_p_mid',
      'spend',
    ]);
    imported?.columns.forEach((c, i) => {
      const mine = inPage?.columns[i];
      if (c.kind === 'number' && mine?.kind === 'number')
        c.values.forEach((v, r) => expect(Math.abs(v - (mine.values[r] as number))).toBeLessThan(1e-6));
      else expect(c).toEqual(mine);
    });
    // Regression values come back in the target's own units (spend in the toy table is in the tens).
    const spend = imported?.columns.at(-1);
    const mean = spend?.kind === 'number' ? [...spend.values].reduce((a, b) => a + b, 0) / 40 : NaN;
    expect(mean).toBeGreaterThan(5);
    await session.handle({ type: 'reset' });
  });

  it('refuses a bundle that is not one, and predicting a file without the input columns, saying why', async () => {
    const { session, of } = setup();
    await session.handle({ type: 'importModel', requestId: 1, file: new File(['<script>x</script>'], 'm.json') });
    expect(said(of('error')[0])).toMatch(/not a model bundle|not JSON/i);
    await session.handle({ type: 'predict', requestId: 2, file: new File(['a,b\n1,2'], 'p.csv') });
    expect(of('error')[1]).toMatchObject({ source: 'model', requestId: 2 });
    expect(said(of('error')[1])).toMatch(/no model/i);
  });

  it('trains one network per task for the baselines, reports single vs multi-task metrics, and cancels', async () => {
    const { session, of, load, train } = setup();
    const baseline = tf.memory().numTensors;
    await load();
    await train({ ...config, epochs: 2 });
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
    const { session, of, load, train } = setup();
    await load();
    // A large learning rate and patience 1 make the validation loss stop improving within a few epochs.
    await train({
      ...config,
      epochs: 60,
      learningRate: 0.2,
      earlyStopping: { enabled: true, monitor: 'total', patience: 1 },
    });
    const stopped = of('stateChanged').at(-1);
    expect(stopped?.state).toBe('stoppedEarly');
    const refreshed = of('validationDiagnostics');
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]?.epoch).toBe(stopped?.bestEpoch);
    expect(refreshed[0]?.epoch).toBeLessThan(of('epochEnded').length);
    // The restored model is the one tested, and its validation loss is the best epoch's.
    expect(of('testEvaluated')).toHaveLength(1);
    const reports = of('epochEnded').map((e) => e.report);
    const totals = reports.map((r) => r.val.reduce((s, m) => s + m.loss, 0)); // weights 1: the monitored total
    const best = stopped?.bestEpoch ?? 0;
    expect(totals[best - 1]).toBe(Math.min(...totals));
    expect(totals.at(-1)).toBeGreaterThan(totals[best - 1] as number);
    await session.handle({ type: 'trainBaselines' }); // its "multi" side evaluates the model as it is now
    const now = of('baselinesDone')[0]?.multi.map((m) => m.loss);
    expect(now).toHaveLength(3);
    now?.forEach((loss, k) => expect(loss).toBeCloseTo(reports[best - 1]?.val[k]?.loss as number, 6));
    await session.handle({ type: 'reset' });
  });

  it('with no test rows, neither the run nor the baselines touch a test split', async () => {
    const { session, of, load, train } = setup();
    await load();
    await train({ ...config, epochs: 1, validationPercent: 20, testPercent: 0 });
    expect(of('runCreated')[0]?.splitRows.test).toBe(0);
    expect(of('testEvaluated')).toHaveLength(0);
    await session.handle({ type: 'trainBaselines' });
    expect(of('baselinesDone')[0]).toMatchObject({ singleTest: null, multiTest: null });
    await session.handle({ type: 'reset' });
  });

  it('keeps the split when only Seed changes, and moves it with Split seed', async () => {
    const { session, of, load, train } = setup();
    await load();
    // The regression task's test plot data lists the actual values of the test rows, in row order.
    const testRun = async (seed: number, splitSeed: number) => {
      await train({ ...config, epochs: 1, seed, splitSeed });
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
