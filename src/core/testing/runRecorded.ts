/**
 * Test support: a trainer run to `epochs` through the app's own TrainingRunner, with a hook at
 * each epoch's end (where a test stops an engine), recording the epoch reports and what the
 * runner said of a lost engine. Shared by the Node tests and the WebGPU browser harness.
 */
import type { MultiTaskTrainer } from '../train/multiTaskTrainer.ts';
import { TrainingRunner, type EpochReport } from '../train/trainingRunner.ts';

export interface RecordedRun {
  reports: EpochReport[];
  /** Each time the runner said the engine was lost: why, and the step the run went back to. */
  engineLost: { reason: string; step: number }[];
}

export async function runRecorded(
  trainer: MultiTaskTrainer,
  epochs: number,
  atEpochEnd: (epoch: number) => void,
  yieldToEventLoop: () => Promise<void>,
): Promise<RecordedRun> {
  const run: RecordedRun = { reports: [], engineLost: [] };
  const runner = new TrainingRunner(
    trainer,
    {
      onLosses: () => {},
      onEpoch: (report) => {
        run.reports.push(report);
        atEpochEnd(report.epoch);
      },
      onEngineLost: (reason, step) => run.engineLost.push({ reason, step }),
    },
    yieldToEventLoop,
  );
  try {
    await runner.runUntil(epochs, () => false);
  } finally {
    runner.dispose();
  }
  return run;
}
