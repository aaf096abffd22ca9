/** The single-task baselines: one network per task, trained and compared like the multi-task run. */
import { selectTasks } from '../core/data/selectTasks.ts';
import { message } from '../core/messages/message.ts';
import type { TaskMetrics } from '../core/metrics/taskMetrics.ts';
import { MultiTaskTrainer } from '../core/train/multiTaskTrainer.ts';
import { TrainingRunner } from '../core/train/trainingRunner.ts';
import type { EarlyStopping } from '../core/train/trainingRunner.ts';
import type { FromWorker } from './protocol.ts';

export interface BaselineContext {
  /** The multi-task run's id (its events carry it). */
  runId: number;
  /** The run's early stopping; each baseline monitors its own validation loss. */
  earlyStopping: EarlyStopping;
  /** Early stopping left the multi-task model at its best epoch's weights. */
  multiAtBest: boolean;
  post(msg: FromWorker): void;
  yieldToEventLoop(): Promise<void>;
  signal: AbortSignal;
}

/**
 * Trains one network per task with the multi-task trainer's data, split, epochs, trunk (with
 * Experts: the same experts and the task's own gate, so only the sharing differs), head and
 * optimiser, and early stopping (on its own validation loss) when the run uses it; then posts
 * each side's validation and test metrics. Progress, cancellation and divergence are posted too.
 */
export async function trainSingleTaskBaselines(trainer: MultiTaskTrainer, context: BaselineContext): Promise<void> {
  const { runId, earlyStopping, multiAtBest, post, yieldToEventLoop, signal } = context;
  const epochs = Math.max(trainer.epochsCompleted, 1);
  const hasTest = trainer.data.test.rows > 0;
  const single: TaskMetrics[] = [];
  const singleTest: TaskMetrics[] = [];
  for (let k = 0; k < trainer.tasks.length; k++) {
    const alone = new MultiTaskTrainer(selectTasks(trainer.data, [k]), {
      ...trainer.options,
      headHidden: [trainer.options.headHidden[k] ?? 0],
      weights: [1],
      enabled: [true],
      weighting: { ...trainer.weightingConfig, strategy: 'manual' },
    });
    const runner = new TrainingRunner(
      alone,
      {
        onLosses: () => {},
        onEpoch: (e) =>
          post({
            type: 'baselineProgress',
            runId,
            taskIndex: k,
            epoch: e.epoch,
            epochs,
            metrics: e.val[0] as TaskMetrics,
          }),
      },
      yieldToEventLoop,
      { diagnostics: false },
    );
    runner.setEarlyStopping({ enabled: earlyStopping.enabled, patience: earlyStopping.patience, monitor: 'total' });
    try {
      post({ type: 'baselineProgress', runId, taskIndex: k, epoch: 0, epochs });
      const outcome = await runner.runUntil(epochs, () => signal.aborted);
      if (outcome.kind === 'stopped' || outcome.kind === 'diverged') {
        post({ type: 'baselinesCancelled', runId });
        if (outcome.kind === 'diverged')
          post({
            type: 'error',
            source: 'baselines',
            message: message('messages.worker.baselineDiverged', {
              task: trainer.tasks[k]?.name ?? message('messages.worker.aTask'),
            }),
          });
        return;
      }
      // Compared like for like: when early stopping gave the multi-task model its best epoch's
      // weights, each baseline also ends at its own best epoch, even if patience did not run out.
      if (multiAtBest) runner.restoreBestWeights();
      single.push((await alone.evaluate('val'))[0] as TaskMetrics);
      if (hasTest) singleTest.push((await alone.evaluate('test'))[0] as TaskMetrics);
    } finally {
      runner.dispose();
      alone.dispose();
    }
  }
  post({
    type: 'baselinesDone',
    runId,
    epochs,
    single,
    multi: await trainer.evaluate('val'),
    singleTest: hasTest ? singleTest : null,
    multiTest: hasTest ? await trainer.evaluate('test') : null,
  });
}
