/**
 * Node harness of the sample benchmarks: trains the app's multi-task network on a prepared
 * dataset with the app's default settings, and the single-task baselines the way the worker does
 * (src/worker/singleTaskBaselines.ts: one network per task, same split, trunk, head, optimiser,
 * epochs and early stopping), and returns validation and test metrics.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '../../src/worker/registerWasmKernels.ts';
import type { Table } from '../../src/core/csv/table.ts';
import { summarizeColumns } from '../../src/core/csv/summarizeColumns.ts';
import type { ColumnSettings } from '../../src/core/data/prepareDataset.ts';
import type { ColumnRole } from '../../src/core/types.ts';
import { selectTasks } from '../../src/core/data/selectTasks.ts';
import type { PreparedDataset } from '../../src/core/data/prepareDataset.ts';
import type { TaskMetrics } from '../../src/core/metrics/taskMetrics.ts';
import { defaultSettings, type TrainSettings } from '../../src/core/settings/settingsTable.ts';
import { MultiTaskTrainer, type TrainerOptions } from '../../src/core/train/multiTaskTrainer.ts';
import { TrainingRunner, type EarlyStopping, type EpochReport } from '../../src/core/train/trainingRunner.ts';

/** WASM, as the app uses without a GPU (with the worker's extra kernel); ~40× faster than 'cpu' in Node. */
export async function setupBackend(): Promise<void> {
  if (!(await tf.setBackend('wasm'))) throw new Error('The WASM backend did not start.');
  await tf.ready();
}

export interface Trained {
  val: TaskMetrics[];
  test: TaskMetrics[];
  /** Per epoch: mean training loss and validation loss per task. */
  history: { epoch: number; trainLoss: number[]; valLoss: number[] }[];
  epochs: number;
  stoppedEarly: boolean;
  /** Each head's outputs on the test split (row-major per task). */
  testOutputs: Float32Array[];
}

/** The trainer options the worker builds from the settings (src/worker/activeRun.ts). */
export function trainerOptions(data: PreparedDataset, s: TrainSettings, overrides: Partial<TrainerOptions> = {}) {
  return {
    trunk: s.trunk,
    experts: s.experts,
    headHidden: data.tasks.map((t) => s.headHidden[t.name] ?? 0),
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    seed: s.seed,
    weights: data.tasks.map(() => 1),
    enabled: data.tasks.map(() => true),
    optimizer: s.optimizer,
    schedule: s.schedule,
    l1: s.l1,
    l2: s.l2,
    clipNorm: s.clipNorm,
    weighting: s.weighting,
    ...overrides,
  } satisfies TrainerOptions;
}

/** The run's early stopping as the worker sets it (monitor by task index, or the total). */
export function earlyStoppingOf(data: PreparedDataset, settings: TrainSettings): EarlyStopping {
  const monitorIndex = data.tasks.findIndex((t) => t.name === settings.earlyStopping.monitor);
  return {
    enabled: settings.earlyStopping.enabled,
    patience: settings.earlyStopping.patience,
    monitor: monitorIndex >= 0 ? monitorIndex : 'total',
  };
}

/** Trains to `epochs` (early stopping as given), restoring the best weights when `restoreBest`. */
export async function train(
  data: PreparedDataset,
  options: TrainerOptions,
  epochs: number,
  earlyStopping: EarlyStopping,
  restoreBest: boolean | 'ifStoppedEarly' = 'ifStoppedEarly',
): Promise<Trained> {
  const trainer = new MultiTaskTrainer(data, options);
  const history: Trained['history'] = [];
  const runner = new TrainingRunner(
    trainer,
    {
      onLosses: () => {},
      onEpoch: (e: EpochReport) =>
        history.push({ epoch: e.epoch, trainLoss: e.trainLoss, valLoss: e.val.map((m) => m.loss) }),
    },
    async () => {},
    { diagnostics: false, readbackIntervalMs: 5000 },
  );
  runner.setEarlyStopping(earlyStopping);
  try {
    const outcome = await runner.runUntil(epochs, () => false);
    if (outcome.kind === 'diverged') throw new Error('diverged');
    const stoppedEarly = outcome.kind === 'stoppedEarly';
    if (restoreBest === true) runner.restoreBestWeights();
    return {
      val: await trainer.evaluate('val'),
      test: await trainer.evaluate('test'),
      history,
      epochs: trainer.epochsCompleted,
      stoppedEarly,
      testOutputs: await trainer.predict('test'),
    };
  } finally {
    runner.dispose();
    trainer.dispose();
  }
}

/** The multi-task run, then one single-task network per task as the worker's baselines train them. */
export async function multiAndSingle(
  data: PreparedDataset,
  settings: TrainSettings = defaultSettings(),
  overrides: Partial<TrainerOptions> = {},
  singleTasks: number[] = data.tasks.map((_, k) => k),
): Promise<{ multi: Trained; single: (Trained | null)[] }> {
  const options = trainerOptions(data, settings, overrides);
  const early = earlyStoppingOf(data, settings);
  const multi = await train(data, options, settings.epochs, early, false);
  const single: (Trained | null)[] = [];
  for (let k = 0; k < data.tasks.length; k++) {
    if (!singleTasks.includes(k)) {
      single.push(null);
      continue;
    }
    const alone = selectTasks(data, [k]);
    single.push(
      await train(
        alone,
        { ...options, headHidden: [options.headHidden[k] ?? 0], weights: [1], enabled: [true] },
        Math.max(multi.epochs, 1),
        { enabled: early.enabled, patience: early.patience, monitor: 'total' },
        multi.stoppedEarly,
      ),
    );
  }
  return { multi, single };
}

/** The column settings the page would send for a sample: its preset roles, else the inferred ones, and the inferred encodings. */
export function appColumnSettings(
  table: Table,
  preset: { roles: Record<string, ColumnRole>; positiveClasses?: Record<string, string> },
): ColumnSettings {
  const columns = summarizeColumns(table);
  return {
    roles: Object.fromEntries(columns.map((c) => [c.name, preset.roles[c.name] ?? c.suggestedRole])),
    encodings: Object.fromEntries(columns.map((c) => [c.name, c.suggestedEncoding])),
    positiveClasses: { ...preset.positiveClasses },
  };
}
