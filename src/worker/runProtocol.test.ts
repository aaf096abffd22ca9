import { describe, expect, it } from 'vitest';
import { message, type Message } from '../core/messages/message.ts';
import { toyCsv } from '../core/testing/toyData.ts';
import { inEnglish } from '../i18n/inEnglish.ts';
import { config, setup } from './sessionHarness.ts';

/** An error event's sentence, as the English page says it. */
const said = (event: { message: Message } | undefined) => (event ? inEnglish(event.message) : '');

describe('the run protocol', () => {
  it('refuses a patch that would redefine the network, and one with the wrong number of weights, and keeps the run', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config });
    await session.handle({ type: 'step' });
    await session.handle({ type: 'update', patch: { batchSize: 8 } as never });
    expect(said(of('error').at(-1))).toMatch(/Batch size defines a new network/);
    await session.handle({ type: 'update', patch: { weights: [1, 2] } });
    expect(said(of('error').at(-1))).toMatch(/Expected 3 finite, non-negative task weights/);
    await session.handle({ type: 'update', patch: { learningRate: -1 } });
    expect(said(of('error').at(-1))).toMatch(/Learning rate must be between/);
    expect(of('applied')).toHaveLength(0);
    await session.handle({ type: 'step' });
    expect(of('losses').at(-1)?.steps.at(-1)?.step).toBe(2);
    await session.handle({ type: 'reset' });
  });

  it('applies live settings by task index: early stopping on a task, a new learning rate, a strategy', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config });
    const patch = {
      earlyStopping: { enabled: true, monitor: 2, patience: 2 },
      learningRate: 0.02,
      weighting: { strategy: 'equal' as const, dwaTemperature: 2, gradNormAlpha: 1.5 },
    };
    await session.handle({ type: 'update', patch });
    expect(of('applied').at(-1)).toMatchObject({ step: 0, patch });
    await session.handle({ type: 'update', patch: { earlyStopping: { enabled: true, monitor: 3, patience: 2 } } });
    expect(said(of('error').at(-1))).toMatch(/monitor the total or one of the tasks/);
    await session.handle({ type: 'reset' });
  });

  it('checks the settings of a new run with the settings table, and answers requests by id', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config: { ...config, batchSize: 0 } });
    expect(said(of('error').at(-1))).toMatch(/Batch size must be between 1 and/);
    expect(of('runCreated')).toHaveLength(0);
    await session.handle({
      type: 'createRun',
      requestId: 1,
      config: { ...config, validationPercent: 50, testPercent: 40 },
    });
    expect(said(of('error').at(-1))).toMatch(/at least 20 %/);
    await session.handle({ type: 'getMemory', requestId: 3 });
    expect(of('memory').at(-1)?.requestId).toBe(3);
    await session.handle({ type: 'exportModel', requestId: 4 });
    expect(of('error').at(-1)).toMatchObject({ requestId: 4 });
  });

  it('numbers runs: a new run gets a new id and its events carry it', async () => {
    const { session, of, load, train } = setup();
    await load();
    await train({ ...config, epochs: 1 });
    await train({ ...config, epochs: 1 });
    const [first, second] = of('runCreated').map((e) => e.runId);
    expect(second).not.toBe(first);
    expect(of('runReset')).toHaveLength(1); // the first run went when the second was created
    expect(of('epochEnded').map((e) => e.runId)).toEqual([first, second]);
    await session.handle({ type: 'reset' });
  });
});

describe('moving the target and pacing a run', () => {
  it('an update moves the target while it trains: further, or down to where it is', async () => {
    const { session, of, load } = setup();
    await load();
    // 40 steps/s: an epoch of the toy table takes ~0.1 s, so each update lands well before the target it sets.
    await session.handle({ type: 'createRun', requestId: 1, config: { ...config, maxStepsPerSecond: 40 } });
    const training = session.handle({ type: 'train', untilEpoch: null });
    while (of('epochEnded').length < 1) await new Promise((r) => setTimeout(r, 5));
    await session.handle({ type: 'update', patch: { untilEpoch: 3 } });
    await training;
    expect(of('stateChanged').at(-1)).toMatchObject({ state: 'done', epoch: 3, targetEpochs: 3 });
    const further = session.handle({ type: 'train', untilEpoch: 4 });
    while (of('stateChanged').at(-1)?.state !== 'running') await new Promise((r) => setTimeout(r, 1));
    await session.handle({ type: 'update', patch: { untilEpoch: 6 } });
    await further;
    expect(of('stateChanged').at(-1)).toMatchObject({ state: 'done', epoch: 6 });
    await session.handle({ type: 'reset' });
  });

  it('a speed limit spaces the steps, and Pause does not wait for it', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config: { ...config, maxStepsPerSecond: 40 } });
    const start = performance.now();
    await session.handle({ type: 'train', untilEpoch: 1 });
    const steps = of('runCreated')[0]?.stepsPerEpoch ?? 0;
    expect(steps).toBeGreaterThan(2);
    expect(performance.now() - start).toBeGreaterThanOrEqual((steps - 1) * 25 * 0.9);
    await session.handle({ type: 'update', patch: { maxStepsPerSecond: 0.1 } }); // one step per 10 s
    const slow = session.handle({ type: 'train', untilEpoch: 5 });
    while (of('stateChanged').at(-1)?.state !== 'running') await new Promise((r) => setTimeout(r, 5));
    const pausedAt = performance.now();
    await session.handle({ type: 'pause' });
    await slow;
    expect(performance.now() - pausedAt).toBeLessThan(5000);
    expect(of('stateChanged').at(-1)?.state).toBe('paused');
    await session.handle({ type: 'reset' });
  });
});

describe('early stopping with a target, and a run until paused', () => {
  const noisy = {
    ...config,
    learningRate: 0.2,
    earlyStopping: { enabled: true, monitor: 'total', patience: 1 },
  };

  it('a run until paused does not stop early: it tracks the best epoch, and Restore best puts it back', async () => {
    const { session, of, load, train } = setup();
    await load();
    const training = train(noisy, null);
    while (of('epochEnded').length < 40) await new Promise((r) => setTimeout(r, 5));
    await session.handle({ type: 'pause' });
    await training;
    expect(of('stateChanged').at(-1)?.state).toBe('paused'); // not stoppedEarly, although patience is 1
    const reports = of('epochEnded').map((e) => e.report);
    const totals = reports.map((r) => r.val.reduce((s, m) => s + m.loss, 0));
    const best = reports.at(-1)?.bestEpoch ?? 0;
    expect(totals[best - 1]).toBe(Math.min(...totals));
    expect(best).toBeLessThan(reports.length); // the lr makes later epochs worse
    await session.handle({ type: 'restoreBest' });
    expect(of('stateChanged').at(-1)).toMatchObject({ state: 'paused', restoredEpoch: best });
    expect(of('validationDiagnostics').at(-1)?.epoch).toBe(best);
    expect(of('testEvaluated').at(-1)?.epoch).toBe(best);
    await session.handle({ type: 'trainBaselines' }); // its "multi" side evaluates the model as it is now
    expect(of('baselinesDone')).toHaveLength(1);
    of('baselinesDone')[0]?.multi.forEach((m, k) =>
      expect(m.loss).toBeCloseTo(reports[best - 1]?.val[k]?.loss as number, 6),
    );
    await session.handle({ type: 'reset' });
  });

  it('a run that reaches its epochs with early stopping on ends on its best epoch, and says which', async () => {
    const { session, of, load, train } = setup();
    await load();
    await train({ ...noisy, earlyStopping: { enabled: true, monitor: 'total', patience: 1000 } }, 8);
    const best = of('epochEnded').at(-1)?.report.bestEpoch ?? 0;
    const done = of('stateChanged').at(-1);
    expect(done?.state).toBe('done');
    if (best < 8) expect(done?.restoredEpoch).toBe(best);
    else expect(done?.restoredEpoch).toBeUndefined();
    expect(of('testEvaluated').at(-1)?.epoch).toBe(best);
    await session.handle({ type: 'reset' });
  });
});

describe('commands that race', () => {
  it('a second Train replaces the first, so one Pause stops the run', async () => {
    const { session, of, load } = setup();
    await load();
    await session.handle({ type: 'createRun', requestId: 1, config });
    const first = session.handle({ type: 'train', untilEpoch: null });
    const second = session.handle({ type: 'train', untilEpoch: null });
    while (of('stateChanged').at(-1)?.state !== 'running') await new Promise((r) => setTimeout(r, 2));
    await session.handle({ type: 'pause' });
    await Promise.all([first, second]);
    expect(of('stateChanged').at(-1)?.state).toBe('paused');
    await session.handle({ type: 'reset' });
    expect(of('runReset')).toHaveLength(1);
  });

  it('a weight change starts early stopping afresh: the old best was measured with other weights', async () => {
    const { session, of, load } = setup();
    await load();
    const c = { ...config, earlyStopping: { enabled: true, monitor: 'total', patience: 1000 }, maxStepsPerSecond: 60 };
    await session.handle({ type: 'createRun', requestId: 1, config: c });
    const training = session.handle({ type: 'train', untilEpoch: null });
    while (of('epochEnded').length < 3) await new Promise((r) => setTimeout(r, 5));
    await session.handle({ type: 'update', patch: { weights: [3, 3, 3] } }); // the weighted total triples
    const changedAfter = of('epochEnded').length;
    while (of('epochEnded').length < changedAfter + 2) await new Promise((r) => setTimeout(r, 5));
    await session.handle({ type: 'pause' });
    await training;
    const firstAfter = of('epochEnded')[changedAfter]?.report;
    expect(firstAfter?.bestEpoch).toBe(firstAfter?.epoch); // best counted from the change on
    await session.handle({ type: 'reset' });
  });
});

describe('loads', () => {
  it('a load asked for right after another supersedes it: only the newer answers, with its loadId', async () => {
    const { session, of, events } = setup();
    const source = { kind: 'url' as const, url: '/toy.csv', name: 'toy' };
    // While a run trains, so the older load's table would wait on the run's queue.
    await session.handle({ type: 'loadDataset', source, loadId: 1 });
    await session.handle({ type: 'createRun', requestId: 1, config });
    const training = session.handle({ type: 'train', untilEpoch: null });
    const older = session.handle({ type: 'loadDataset', source, loadId: 2 });
    const newer = session.handle({ type: 'loadDataset', source, loadId: 3 });
    await Promise.all([older, newer]);
    await session.handle({ type: 'reset' });
    await training;
    expect(of('datasetLoaded').map((e) => e.loadId)).toEqual([1, 3]);
    expect(of('loadCancelled')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'error')).toHaveLength(0);
  });
});

describe('a load waiting for the run queue', () => {
  it('cancelled while it waits: the table stays, and the cancel names the load', async () => {
    // The run queue is held by a backend switch that does not finish until released.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let hold = false;
    const { session, of, load } = setup({
      selectBackend: async () => {
        if (hold) await held;
        return { backend: 'cpu', reason: message('messages.backend.chosen', { backend: 'cpu' }) };
      },
      fetchBytes: async (url: string) => new TextEncoder().encode(toyCsv(url.endsWith('other.csv') ? 80 : 120)),
    });
    await session.handle({ type: 'setBackend', choice: 'cpu' });
    await load(); // loadId 1: the toy table
    hold = true;
    const switching = session.handle({ type: 'setBackend', choice: 'cpu' });
    const other = session.handle({
      type: 'loadDataset',
      source: { kind: 'url', url: '/other.csv', name: 'other' },
      loadId: 2,
    });
    await new Promise((r) => setTimeout(r, 300)); // ample time to parse four lines: load 2 now waits on the queue
    await session.handle({ type: 'cancelLoad' });
    release();
    await Promise.all([switching, other]);
    expect(of('datasetLoaded').map((e) => e.loadId)).toEqual([1]);
    expect(of('loadCancelled')).toEqual([{ type: 'loadCancelled', loadId: 2 }]);
    // The toy table is still the worker's: a run on its columns builds.
    await session.handle({ type: 'createRun', requestId: 7, config });
    expect(of('runCreated')).toHaveLength(1);
    expect(of('error')).toHaveLength(0);
  });
});

describe('big files', () => {
  it('a file over the 200 MB limit is refused before it is read, with a clear message, and the loaded table stays', async () => {
    const { session, of, load } = setup();
    await load();
    let read = false;
    const huge = {
      name: 'huge.csv',
      size: 210 * 1024 * 1024,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    } as unknown as File;
    await session.handle({ type: 'loadDataset', source: { kind: 'file', file: huge }, loadId: 1 });
    expect(of('error').at(-1)).toMatchObject({ source: 'load' });
    expect(said(of('error').at(-1))).toMatch(/"huge.csv" is 210 MB; the limit is 200 MB/);
    expect(read).toBe(false);
    expect(of('datasetLoaded')).toHaveLength(1); // the toy table is still the one loaded
    await session.handle({ type: 'createRun', requestId: 1, config });
    expect(of('runCreated')).toHaveLength(1);
    await session.handle({ type: 'reset' });
  });
});
