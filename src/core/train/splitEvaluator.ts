/** Predictions and metrics of a model on a data split; each split's inputs are uploaded once. */
import * as tf from '@tensorflow/tfjs';
import type { PreparedDataset, TargetScale } from '../data/prepareDataset.ts';
import { computeTaskDiagnostics, type TaskDiagnostics } from '../metrics/taskDiagnostics.ts';
import { computeTaskMetrics, type TaskMetrics } from '../metrics/taskMetrics.ts';
import { uploadInputs } from './deviceSplit.ts';

export type SplitName = 'train' | 'val' | 'test';

export interface SplitEvaluation {
  metrics: TaskMetrics[];
  diagnostics: TaskDiagnostics[];
}

export class SplitEvaluator {
  private readonly inputs = new Map<SplitName, tf.Tensor2D[]>();

  constructor(private readonly data: PreparedDataset) {}

  /** Each head's outputs on a split, read back asynchronously: per task, row-major [rows, width]. */
  async predict(model: tf.LayersModel, split: SplitName): Promise<Float32Array[]> {
    let x = this.inputs.get(split);
    if (!x) {
      x = uploadInputs(this.data[split], this.data.inputSize);
      this.inputs.set(split, x);
    }
    const input = x;
    const outputs = tf.tidy(() => {
      const out = model.predict(input, { batchSize: 4096 });
      return Array.isArray(out) ? out : [out];
    });
    try {
      return (await Promise.all(outputs.map((o) => o.data()))) as Float32Array[];
    } finally {
      tf.dispose(outputs);
    }
  }

  /** Every task's metrics on a split (regression in the target's own units). */
  async evaluate(model: tf.LayersModel, split: SplitName): Promise<TaskMetrics[]> {
    return (await this.evaluateWithDiagnostics(model, split)).metrics;
  }

  /** Metrics and the diagnostic-plot data of every task, from one prediction pass. */
  async evaluateWithDiagnostics(model: tf.LayersModel, split: SplitName): Promise<SplitEvaluation> {
    const outputs = await this.predict(model, split);
    const metrics: TaskMetrics[] = [];
    const diagnostics: TaskDiagnostics[] = [];
    this.data.tasks.forEach((task, k) => {
      const args = [
        task,
        outputs[k] as Float32Array,
        this.data[split].targets[k] as Float32Array,
        this.data.targetScales[k] as TargetScale,
      ] as const;
      metrics.push(computeTaskMetrics(...args));
      diagnostics.push(computeTaskDiagnostics(...args));
    });
    return { metrics, diagnostics };
  }

  dispose(): void {
    tf.dispose([...this.inputs.values()].flat());
    this.inputs.clear();
  }
}
