/**
 * The worker's dispatcher: the loaded table, the backend and the current run. It never touches
 * `self`, so it can be tested in Node with a fake `post`. Commands that change the run are queued
 * and run one at a time; Pause and live updates act at once, between two steps. Loading, training
 * segments and baselines are cancelled through their own AbortController.
 */
import * as tf from '@tensorflow/tfjs';
import { CsvCancelled } from '../core/csv/parseCsv.ts';
import type { Table } from '../core/csv/table.ts';
import { PrepareError } from '../core/data/prepareDataset.ts';
import { message, type Message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import type { RunOutcome } from '../core/train/trainingRunner.ts';
import { createEventLoopYielder } from '../core/train/yieldToEventLoop.ts';
import type { BackendChoice, EngineChoice } from '../core/types.ts';
import { configProblem, createActiveRun, type ActiveRun } from './activeRun.ts';
import { checkRunPatch } from './checkRunPatch.ts';
import { describeTable, loadTable } from './loadTable.ts';
import { createModelTools } from './modelTools.ts';
import { tableFacts, type TableFacts } from './pytorchProject.ts';
import type { FromWorker, ResumePoint, RunConfig, RunState, ToWorker } from './protocol.ts';
import type { BackendSelection } from './selectBackend.ts';
import { attachEngine, type EngineFactories } from './selectEngine.ts';
import { trainSingleTaskBaselines } from './singleTaskBaselines.ts';

export { MAX_FILE_BYTES } from './loadTable.ts';

export interface SessionDeps {
  selectBackend(choice: BackendChoice): Promise<BackendSelection>;
  fetchBytes(url: string): Promise<Uint8Array>;
  yieldToEventLoop?: () => Promise<void>;
  /** The fused engines (selectEngine.ts); without them every step is TF.js's. */
  engines?: EngineFactories;
}

/** Creates a session that answers commands through `post`. */
export function createTrainingSession(post: (msg: FromWorker) => void, deps: SessionDeps) {
  const yieldToEventLoop = deps.yieldToEventLoop ?? createEventLoopYielder();
  let table: Table | null = null;
  let tableName = '';
  /** The loaded table's file, sample and parse (the PyTorch project says them). */
  let facts: TableFacts | null = null;
  let backend: BackendSelection | null = null;
  let engineChoice: EngineChoice = 'auto';
  let run: ActiveRun | null = null;
  let nextRunId = 1;
  /** The latest training segment's, the latest load's and the latest baselines' cancellation. */
  let training = new AbortController();
  let loading = new AbortController();
  let baselines = new AbortController();

  let predicting = new AbortController();
  const models = createModelTools({
    post,
    run: () => run,
    table: () => (table ? { name: tableName, rows: table.rowCount } : null),
    loaded: () => (table && facts ? { table, facts } : null),
    yieldToEventLoop: () => yieldToEventLoop(),
  });

  let queue: Promise<void> = Promise.resolve();
  let loadQueue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((e: unknown) => {
      post({ type: 'error', message: messageOf(e) });
      if (run && run.state === 'running') setState(run, 'paused');
    });
    return queue;
  };

  const setState = (current: ActiveRun, state: RunState, bestEpoch?: number, restoredEpoch?: number) => {
    current.state = state;
    if (restoredEpoch !== undefined) current.restoredEpoch = restoredEpoch;
    else if (state === 'running') current.restoredEpoch = null;
    post({
      type: 'stateChanged',
      runId: current.id,
      state,
      epoch: current.trainer.epochsCompleted,
      targetEpochs: current.targetEpochs,
      step: current.trainer.globalStep,
      ...(bestEpoch ? { bestEpoch } : {}),
      ...(current.restoredEpoch ? { restoredEpoch: current.restoredEpoch } : {}),
    });
  };

  const requireRun = (): ActiveRun => {
    if (!run) throw somethingWrong(message('messages.worker.noModel'));
    return run;
  };

  /**
   * Turns a run's outcome into the state the page shows (and an alert for a divergence). Returns
   * the epoch whose weights were restored, if the model now holds an earlier epoch's.
   */
  const settle = (current: ActiveRun, outcome: RunOutcome): number | null => {
    if (outcome.kind === 'done') {
      // At its last epoch a run with early stopping ends on its best epoch's weights, as one that stopped early.
      const restored = current.runner.restoreBestWeights();
      if (restored !== null) current.recordRestore(restored);
      setState(current, 'done', undefined, restored ?? undefined);
      return restored;
    }
    if (outcome.kind === 'stoppedEarly') {
      setState(current, 'stoppedEarly', outcome.bestEpoch, outcome.bestEpoch);
      return outcome.bestEpoch;
    } else if (outcome.kind === 'diverged') {
      const { step, task, restoredStep } = outcome.divergence;
      setState(current, 'paused');
      post({
        type: 'error',
        message: task
          ? message('messages.worker.divergedTask', { task, step, restoredStep })
          : message('messages.worker.divergedTotal', { step, restoredStep }),
      });
    } else setState(current, 'paused');
    return null;
  };

  /** The best epoch's weights back on request (a run until paused only tracks them), its plots and test. */
  const restoreBest = async () => {
    const current = run;
    if (!current) return;
    const restored = current.runner.restoreBestWeights();
    if (restored === null) {
      post({ type: 'error', message: message('messages.worker.noBestEpoch') });
      return;
    }
    current.recordRestore(restored);
    setState(current, current.state === 'running' ? 'paused' : current.state, undefined, restored);
    const { diagnostics } = await current.trainer.evaluateWithDiagnostics('val');
    post({ type: 'validationDiagnostics', runId: current.id, epoch: restored, diagnostics });
    await evaluateTest(restored);
  };

  const disposeRun = () => {
    if (!run) return;
    run.dispose();
    run = null;
    post({ type: 'runReset', numTensors: tf.memory().numTensors });
  };

  const ensureBackend = async () => {
    if (backend) return;
    backend = await deps.selectBackend('auto');
    post({ type: 'backendReady', ...backend });
  };

  const createRun = async (config: RunConfig, requestId: number, resume?: ResumePoint) => {
    await ensureBackend();
    if (!table) throw somethingWrong(message('messages.worker.noDataset'));
    const problem = configProblem(config);
    if (problem) throw new PrepareError(problem); // before the current run goes
    disposeRun();
    run = createActiveRun(nextRunId++, table, config, post, yieldToEventLoop, resume);
    if (resume?.training) {
      try {
        await run.trainer.restoreTrainingState(resume.training);
      } catch {
        run.trainer.resetOptimizers(); // a state that does not fit: the weights stand, the moments start afresh
      }
    }
    models.runCreated();
    post({ type: 'runCreated', requestId, ...run.info });
    await chooseEngine(run);
  };

  /** Attaches the engine the person's choice gives for this run (TF.js hands over between two steps) and says which. */
  const chooseEngine = async (current: ActiveRun) => {
    if (!deps.engines || !backend) return;
    await current.trainer.detachEngine();
    const selection = await attachEngine(current.trainer, engineChoice, backend.backend, deps.engines);
    current.engineChanged(selection.reason);
  };

  // The page creates a run before it trains one; with none here, its creation failed and said why.
  const train = async (untilEpoch: number | null, signal: AbortSignal) => {
    const current = run;
    if (!current || signal.aborted) return;
    current.setTarget(untilEpoch);
    setState(current, 'running');
    const outcome = await trainToTarget(current, signal);
    if (run === current) await afterSegment(current, outcome);
  };

  /** Trains toward the run's target, which an `update` may move while it trains (Epochs, Run until paused). */
  const trainToTarget = async (current: ActiveRun, signal: AbortSignal): Promise<RunOutcome> => {
    for (;;) {
      const target = current.targetEpochs ?? Infinity;
      const moved = () => (current.targetEpochs ?? Infinity) !== target;
      const outcome = await current.runner.runUntil(target, () => signal.aborted || moved());
      if (outcome.kind !== 'stopped' || signal.aborted || !moved()) return outcome;
      if (current.trainer.epochsCompleted >= (current.targetEpochs ?? Infinity)) return { kind: 'done' };
      setState(current, 'running'); // the new target, shown
    }
  };

  const step = async () => {
    const current = run;
    if (!current) return;
    current.restoredEpoch = null; // the model moves on from the restored epoch
    const outcome = await current.runner.stepAndReport();
    if (run === current) await afterSegment(current, outcome);
  };

  /** Shows the outcome; after early stopping the best epoch's plot data replaces the last's; a finished run is tested. */
  const afterSegment = async (current: ActiveRun, outcome: RunOutcome) => {
    const restored = settle(current, outcome);
    if (restored !== null) {
      const { diagnostics } = await current.trainer.evaluateWithDiagnostics('val');
      post({ type: 'validationDiagnostics', runId: current.id, epoch: restored, diagnostics });
    }
    if (run === current && (outcome.kind === 'done' || outcome.kind === 'stoppedEarly'))
      await evaluateTest(restored ?? undefined);
  };

  /** The held-out test split, touched only when asked or when a run finishes. */
  const evaluateTest = async (epoch?: number) => {
    const current = requireRun();
    if (current.trainer.data.test.rows === 0) return;
    const { metrics, diagnostics } = await current.trainer.evaluateWithDiagnostics('test');
    post({
      type: 'testEvaluated',
      runId: current.id,
      epoch: epoch ?? current.restoredEpoch ?? current.trainer.epochsCompleted,
      metrics,
      diagnostics,
    });
  };

  const trainBaselines = async (signal: AbortSignal) => {
    if (!run) throw somethingWrong(message('messages.worker.baselinesNeedRun'));
    await trainSingleTaskBaselines(run.trainer, {
      runId: run.id,
      earlyStopping: run.earlyStopping,
      multiAtBest: run.state === 'stoppedEarly' || run.restoredEpoch !== null,
      post,
      yieldToEventLoop,
      signal,
    });
  };

  const update = (patch: unknown) => {
    if (!run) {
      post({ type: 'error', message: message('messages.worker.noRunToChange') });
      return;
    }
    const checked = checkRunPatch(patch, run.trainer.tasks.length);
    if ('error' in checked) {
      post({ type: 'error', source: 'update', message: checked.error });
      return;
    }
    run.apply(checked.patch);
    post({ type: 'applied', runId: run.id, step: run.trainer.globalStep, patch: checked.patch });
  };

  const load = async (source: Parameters<typeof loadTable>[0], loadId: number, signal: AbortSignal) => {
    const loaded = await loadTable(source, {
      fetchBytes: deps.fetchBytes,
      yieldToEventLoop,
      onProgress: (name, fraction) => post({ type: 'loadProgress', loadId, name, fraction }),
      signal,
    });
    // Parsing ran beside any training; only a good table replaces the current one and its run.
    if (signal.aborted) throw new CsvCancelled(); // a newer load superseded this one
    // The run's queue is needed to swap the table: a run training is paused (and stays paused
    // should this load still be superseded or cancelled while it waits).
    training.abort();
    run?.interruptWait();
    let superseded = false;
    await enqueue(async () => {
      // A newer load may have come while the run's queue drained: the current table and run stay.
      if (signal.aborted) {
        superseded = true;
        return;
      }
      disposeRun();
      table = loaded.parsed.table;
      tableName = loaded.name;
      facts = tableFacts(source, loaded);
      post({ ...describeTable(loaded), loadId });
    });
    if (superseded) throw new CsvCancelled();
  };

  /** Export, import and predict answer their request; a failure says why and changes nothing. */
  const modelWork = async (requestId: number, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      post({ type: 'error', source: 'model', requestId, message: messageOf(e) });
    }
  };

  return {
    /** Handles one command from the page. Resolves when that command's work (if queued) is done. */
    handle(msg: ToWorker): Promise<void> {
      switch (msg.type) {
        case 'pause':
          training.abort();
          run?.interruptWait();
          return Promise.resolve();
        case 'update':
          update(msg.patch);
          return Promise.resolve();
        case 'ping':
          post({ type: 'pong', id: msg.id });
          return Promise.resolve();
        case 'getMemory': {
          const m = tf.memory();
          post({ type: 'memory', requestId: msg.requestId, numTensors: m.numTensors, numBytes: m.numBytes });
          return Promise.resolve();
        }
        case 'reset':
          training.abort();
          run?.interruptWait();
          baselines.abort();
          return enqueue(async () => disposeRun());
        case 'loadDataset': {
          // Loads run on their own queue, so a file can be parsed while a model trains; a newer load
          // supersedes an older one (which then ends quietly: the page waits for the newer).
          loading.abort();
          const controller = new AbortController();
          loading = controller;
          loadQueue = loadQueue
            .then(() => load(msg.source, msg.loadId, controller.signal))
            .catch((e: unknown) => {
              if (e instanceof CsvCancelled) {
                if (loading === controller) post({ type: 'loadCancelled', loadId: msg.loadId });
              } else post({ type: 'error', source: 'load', requestId: msg.loadId, message: messageOf(e) });
            });
          return loadQueue;
        }
        case 'cancelLoad':
          loading.abort();
          return Promise.resolve();
        case 'setBackend':
          training.abort();
          run?.interruptWait();
          return enqueue(async () => {
            disposeRun();
            backend = await deps.selectBackend(msg.choice);
            post({ type: 'backendReady', ...backend });
          });
        case 'setEngine':
          engineChoice = msg.choice;
          training.abort();
          run?.interruptWait();
          return enqueue(async () => {
            if (run) await chooseEngine(run);
          });
        case 'createRun':
          training.abort();
          run?.interruptWait();
          return enqueue(async () => {
            try {
              await createRun(msg.config, msg.requestId, msg.resume);
            } catch (e) {
              post({ type: 'error', requestId: msg.requestId, message: messageOf(e) });
            }
          });
        case 'train': {
          // The controller is made when the command arrives: a Pause sent before the work starts counts.
          // A second Train while one is queued or running replaces it (one segment can be stopped at a time).
          training.abort();
          run?.interruptWait();
          training = new AbortController();
          const { signal } = training;
          return enqueue(() => train(msg.untilEpoch, signal));
        }
        case 'step':
          return enqueue(step);
        case 'exportModel':
          return enqueue(() => modelWork(msg.requestId, () => models.exportModel(msg.requestId)));
        case 'exportProject':
          return enqueue(() => modelWork(msg.requestId, () => models.exportProject(msg.requestId)));
        case 'importModel':
          // Beside training too: it touches only the imported model (a run until paused never ends its segment).
          return modelWork(msg.requestId, () => models.importModel(msg.requestId, msg.file));
        case 'predict': {
          // Beside training (not on its queue): a newer prediction supersedes the one being read.
          predicting.abort();
          predicting = new AbortController();
          const { signal } = predicting;
          return modelWork(msg.requestId, async () => {
            try {
              await models.predict(msg.requestId, msg.file, signal);
            } catch (e) {
              if (!(e instanceof CsvCancelled)) throw e;
            }
          });
        }
        case 'evaluateTest':
          return enqueue(() => evaluateTest());
        case 'restoreBest':
          return enqueue(restoreBest);
        case 'trainBaselines': {
          baselines = new AbortController();
          const { signal } = baselines;
          return enqueue(() => trainBaselines(signal));
        }
        case 'cancelBaselines':
          baselines.abort();
          return Promise.resolve();
      }
    },
  };
}

/** An error the page says as "Something went wrong: …" (as these always were). */
function somethingWrong(detail: Message): MessageError {
  return new MessageError(message('messages.worker.unexpected', { detail }));
}

/** The sentence an error gives the page: its own message when it has one, else the program's text. */
function messageOf(e: unknown): Message {
  if (e instanceof MessageError) return e.detail;
  if (e instanceof RangeError && /allocation|memory|Invalid array length/i.test(e.message))
    return message('messages.load.outOfMemory');
  return message('messages.worker.unexpected', { detail: e instanceof Error ? e.message : String(e) });
}
