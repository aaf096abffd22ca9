/**
 * One run in the worker: the prepared data, the trainer and its runner, built from a checked
 * `RunConfig`; live patches applied between two steps. Task names are turned into indices here,
 * once, at `createRun`.
 */
import * as tf from '@tensorflow/tfjs';
import type { Table } from '../core/csv/table.ts';
import { PrepareError, prepareDataset } from '../core/data/prepareDataset.ts';
import { splitFractions } from '../core/data/split.ts';
import { message, type Message } from '../core/messages/message.ts';
import { checkSetting, splitProblem } from '../core/settings/readSettings.ts';
import { SETTING_KEYS } from '../core/settings/settingsTable.ts';
import { MultiTaskTrainer } from '../core/train/multiTaskTrainer.ts';
import { TrainingRunner, type EarlyStopping } from '../core/train/trainingRunner.ts';
import type { FromWorker, ResumePoint, RunConfig, RunInfo, RunPatch, RunState } from './protocol.ts';
import { engineName, withStrategyNote } from './selectEngine.ts';
import { readWeights, writeWeights } from './weightsData.ts';

/**
 * A live change as the run took it: `step` = the trainer's globalStep when applied (the first step
 * that used it). `restoreBest`: the best epoch's weights were put back there (a run that reached
 * its epochs with early stopping on, or Restore best), so the steps after it start from them.
 */
export type TimelineChange = { step: number; restoreBest?: number } & Pick<
  RunPatch,
  'weights' | 'enabled' | 'weighting' | 'learningRate' | 'earlyStopping'
>;

/** The run's first training step as read back: each task's loss, the weighted total and the weights used. */
export interface FirstStepLosses {
  losses: number[];
  total: number;
  weights: number[];
}

/** The patch fields a timeline keeps (the others pace or end training; they change no step). */
const TIMELINE_FIELDS = ['weights', 'enabled', 'weighting', 'learningRate', 'earlyStopping'] as const;

export interface ActiveRun {
  readonly id: number;
  readonly trainer: MultiTaskTrainer;
  readonly runner: TrainingRunner;
  state: RunState;
  /** The epoch whose weights the model holds when a best epoch was restored; null = the latest. */
  restoredEpoch: number | null;
  /** The epoch the current or last `train` aims at; null = until paused. */
  targetEpochs: number | null;
  /** Early stopping as in effect (the baselines copy it). */
  earlyStopping: EarlyStopping;
  info: RunInfo;
  /** The config the run was created from (as the page sent it, checked). */
  readonly config: RunConfig;
  /** Every live change applied, in order (the PyTorch project's timeline). */
  readonly timeline: TimelineChange[];
  /** The first step's losses; null until it is read back, and for a run reopened past step 0. */
  firstStep: FirstStepLosses | null;
  /** Where a reopened run went on from (its saved weights); null for a run trained from its start here. */
  readonly resumedAt: { epoch: number; step: number } | null;
  /** Says the engine now taking the steps (null = TF.js) and why: at creation, on a change, on a loss. */
  engineChanged(reason: Message): void;
  /** Records that the best epoch's weights were put back (`epoch`), in the timeline. */
  recordRestore(epoch: number): void;
  /** Applies a checked live patch from the next step on. */
  apply(patch: RunPatch): void;
  /** A new target (null = until paused): a run without one only tracks the best epoch, it does not stop early. */
  setTarget(untilEpoch: number | null): void;
  /** Ends a wait of the speed limit at once (a Pause must not wait for it). */
  interruptWait(): void;
  dispose(): void;
}

/** The first problem with a run's settings, or null (the worker checks what the page sent). */
export function configProblem(config: RunConfig): Message | null {
  for (const key of SETTING_KEYS) {
    const error = checkSetting(key, config[key]);
    if (error) return error;
  }
  return splitProblem(config.validationPercent, config.testPercent);
}

/** Prepares the split and builds the network. Throws PrepareError for roles that make no run. */
export function createActiveRun(
  id: number,
  table: Table,
  config: RunConfig,
  post: (msg: FromWorker) => void,
  yieldToEventLoop: () => Promise<void>,
  resume?: ResumePoint,
): ActiveRun {
  const problem = configProblem(config);
  if (problem) throw new PrepareError(problem);
  const data = prepareDataset(
    table,
    {
      roles: config.roles,
      encodings: config.encodings,
      positiveClasses: config.positiveClasses,
      balanceClasses: config.balanceClasses,
      chainedTo: config.chainedTo,
    },
    {
      seed: config.splitSeed,
      embeddingDim: config.embeddingDim,
      standardizeTargets: config.standardizeTargets,
      fractions: splitFractions(config.validationPercent, config.testPercent),
    },
  );
  const trainer = new MultiTaskTrainer(data, {
    trunk: config.trunk,
    experts: config.experts,
    headHidden: data.tasks.map((t) => config.headHidden[t.name] ?? 0),
    batchSize: config.batchSize,
    learningRate: config.learningRate,
    seed: config.seed,
    weights: data.tasks.map((t) => config.weights[t.name] ?? 1),
    enabled: data.tasks.map((t) => config.enabled[t.name] ?? true),
    optimizer: config.optimizer,
    schedule: config.schedule,
    l1: config.l1,
    l2: config.l2,
    clipNorm: config.clipNorm,
    weighting: config.weighting,
  });
  const pace = createPacer(config.maxStepsPerSecond, yieldToEventLoop);
  const runner = new TrainingRunner(
    trainer,
    {
      onLosses: (steps, samplesPerSecond) => {
        const first = steps.find((s) => s.step === 1);
        if (first) run.firstStep = { losses: first.perTask, total: first.total, weights: first.weights };
        post({ type: 'losses', runId: id, steps, samplesPerSecond, epoch: trainer.epochsCompleted });
      },
      onEpoch: async (report, diagnostics) => {
        const memory = tf.memory();
        post({
          type: 'epochEnded',
          runId: id,
          report,
          diagnostics,
          numTensors: memory.numTensors,
          numBytes: memory.numBytes,
        });
        // The saved run's weights and training state, read before the next step (the runner awaits this).
        const { epoch, step, bestEpoch } = report;
        const [weights, training] = await Promise.all([readWeights(trainer.model), trainer.trainingState()]);
        post({ type: 'checkpoint', runId: id, epoch, step, bestEpoch, weights, training });
      },
      onEngineLost: (reason, restoredStep) => {
        const lost = message('messages.engine.lost', { engine: engineName(lostKind), reason, step: restoredStep });
        post({ type: 'error', message: lost });
        run.engineChanged(lost);
      },
    },
    pace.yieldBetweenSteps,
  );
  if (resume) {
    try {
      writeWeights(trainer.model, resume.weights);
      trainer.modelWeightsWritten();
    } catch (e) {
      runner.dispose();
      trainer.dispose();
      throw e;
    }
    trainer.resumeAt(resume.epoch, resume.step);
    runner.rebase();
  }
  const monitorIndex = trainer.tasks.findIndex((t) => t.name === config.earlyStopping.monitor);
  const run: ActiveRun = {
    id,
    trainer,
    runner,
    state: 'idle',
    restoredEpoch: null,
    targetEpochs: config.epochs,
    earlyStopping: {
      enabled: config.earlyStopping.enabled,
      patience: config.earlyStopping.patience,
      monitor: monitorIndex >= 0 ? monitorIndex : 'total',
    },
    info: {
      runId: id,
      tasks: trainer.tasks,
      initialWeights: trainer.tasks.map((t) => config.weights[t.name] ?? 1),
      initialEnabled: trainer.tasks.map((t) => config.enabled[t.name] ?? true),
      parameterCount: trainer.parameterCount,
      inputSize: data.inputSize,
      embeddings: data.embeddings,
      splitRows: { train: data.train.rows, val: data.val.rows, test: data.test.rows },
      stepsPerEpoch: trainer.stepsPerEpoch,
      inputColumns: data.preprocessing.inputs.map((r) => r.column),
    },
    config,
    timeline: [],
    firstStep: null,
    resumedAt: resume ? { epoch: resume.epoch, step: resume.step } : null,
    engineChanged(reason) {
      engineReason = reason;
      lostKind = trainer.engine?.kind ?? lostKind;
      post({ type: 'engineReady', runId: id, engine: trainer.engineInUse, reason: withStrategyNote(trainer, reason) });
    },
    recordRestore(epoch) {
      run.timeline.push({ step: trainer.globalStep, restoreBest: epoch });
    },
    apply(patch) {
      const change: TimelineChange = { step: trainer.globalStep };
      for (const key of TIMELINE_FIELDS) if (patch[key] !== undefined) Object.assign(change, { [key]: patch[key] });
      if (Object.keys(change).length > 1) run.timeline.push(structuredClone(change));
      // Early stopping's "best" was measured with the old weights, strategy or monitor: start it afresh.
      const monitorChanged = patch.earlyStopping && patch.earlyStopping.monitor !== run.earlyStopping.monitor;
      if (patch.weights || patch.enabled || patch.weighting || monitorChanged) runner.resetBest();
      if (patch.weights || patch.enabled)
        trainer.setTaskWeights(patch.weights ?? currentWeights, patch.enabled ?? currentEnabled);
      if (patch.weights) currentWeights = [...patch.weights];
      if (patch.enabled) currentEnabled = [...patch.enabled];
      if (patch.weighting) {
        const before = trainer.engineInUse;
        trainer.setWeighting(patch.weighting);
        // GradNorm and PCGrad take TF.js's step (and back): the status says which engine runs now.
        if (trainer.engine && trainer.engineInUse !== before) run.engineChanged(engineReason);
      }
      if (patch.learningRate !== undefined) trainer.setLearningRate(patch.learningRate);
      if (patch.earlyStopping) {
        run.earlyStopping = { ...patch.earlyStopping };
        runner.setEarlyStopping({ ...run.earlyStopping, stop: run.targetEpochs !== null });
      }
      if (patch.untilEpoch !== undefined) run.setTarget(patch.untilEpoch);
      if (patch.maxStepsPerSecond !== undefined) pace.setLimit(patch.maxStepsPerSecond);
    },
    interruptWait: () => pace.interrupt(),
    setTarget(untilEpoch) {
      run.targetEpochs = untilEpoch;
      runner.setEarlyStopping({ ...run.earlyStopping, stop: untilEpoch !== null });
    },
    dispose() {
      runner.dispose();
      trainer.dispose();
    },
  };
  /** The engine last attached (a loss names it) and the sentence its choice gave. */
  let lostKind: 'wasm' | 'webgpu' = 'wasm';
  let engineReason: Message = message('messages.engine.chosenTfjs');
  let currentWeights = trainer.tasks.map((t) => config.weights[t.name] ?? 1);
  let currentEnabled = trainer.tasks.map((t) => config.enabled[t.name] ?? true);
  run.setTarget(run.targetEpochs);
  return run;
}

/**
 * The yield between two steps, spaced to at most `limit` steps per second when a limit is set
 * (0 = none), so a teacher can narrate a run. A wait can be cut short (Pause).
 */
function createPacer(limit: number, yieldToEventLoop: () => Promise<void>) {
  let maxStepsPerSecond = limit;
  let lastMs = performance.now();
  let wake: (() => void) | null = null;
  return {
    async yieldBetweenSteps() {
      const waitMs = maxStepsPerSecond > 0 ? 1000 / maxStepsPerSecond - (performance.now() - lastMs) : 0;
      if (waitMs > 1) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
      lastMs = performance.now();
      await yieldToEventLoop();
    },
    setLimit(next: number) {
      maxStepsPerSecond = next;
      wake?.();
    },
    interrupt() {
      wake?.();
    },
  };
}
