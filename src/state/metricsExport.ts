/** What Export metrics saves for the current run: the file's name and text (the PyTorch project carries the same text). */
import { metricsHistoryCsv } from '../core/metrics/metricsHistoryCsv.ts';
import type { AppState } from './store.ts';

export function metricsExport(
  state: Pick<AppState, 'epochs' | 'run' | 'dataset'>,
): { name: string; csv: string } | null {
  const { epochs, run, dataset } = state;
  if (!run) return null;
  return {
    name: `${(dataset?.name ?? 'run').replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '_')}-metrics.csv`,
    csv: metricsHistoryCsv(epochs, run.tasks),
  };
}
