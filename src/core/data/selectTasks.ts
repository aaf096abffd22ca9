/** The same prepared data with only some of its tasks: single-task baselines share everything else. */
import type { PreparedDataset, PreparedSplit } from './prepareDataset.ts';

export function selectTasks(data: PreparedDataset, keep: number[]): PreparedDataset {
  const pick = <T>(xs: T[]) => keep.map((k) => xs[k] as T);
  const split = (s: PreparedSplit): PreparedSplit => ({ ...s, targets: pick(s.targets) });
  return {
    ...data,
    tasks: pick(data.tasks),
    targetScales: pick(data.targetScales),
    classWeights: pick(data.classWeights),
    train: split(data.train),
    val: split(data.val),
    test: split(data.test),
  };
}
