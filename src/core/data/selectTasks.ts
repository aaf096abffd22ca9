/** The same prepared data with only some of its tasks: single-task baselines share everything else. */
import type { PreparedDataset, PreparedSplit } from './prepareDataset.ts';

export function selectTasks(data: PreparedDataset, keep: number[]): PreparedDataset {
  const pick = <T>(xs: T[]) => keep.map((k) => xs[k] as T);
  const split = (s: PreparedSplit): PreparedSplit => ({ ...s, targets: pick(s.targets) });
  // A chained task keeps its chain only with its condition (a single-task baseline predicts it directly).
  const tasks = pick(data.tasks).map(({ chainedTo, ...task }) => {
    const c = chainedTo === undefined ? -1 : keep.indexOf(chainedTo);
    return c >= 0 ? { ...task, chainedTo: c } : task;
  });
  return {
    ...data,
    tasks,
    targetScales: pick(data.targetScales),
    classWeights: pick(data.classWeights),
    train: split(data.train),
    val: split(data.val),
    test: split(data.test),
  };
}
