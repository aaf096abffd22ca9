/** Which sample an id names (the default sample for an unknown id), and what the worker loads for it. */
import { DEFAULT_SAMPLE_ID, SAMPLE_DATASETS, type SampleDataset } from '../core/data/sampleDatasets.ts';
import type { DatasetSource } from '../worker/protocol.ts';

export interface SampleLoad {
  sample: SampleDataset;
  source: DatasetSource;
  /** The generated correlated sample's task correlation, clamped to −1…1. */
  correlation?: number;
}

export function sampleSource(id: string, correlation?: number): SampleLoad | null {
  const sample = SAMPLE_DATASETS.find((s) => s.id === id) ?? SAMPLE_DATASETS.find((s) => s.id === DEFAULT_SAMPLE_ID);
  if (!sample) return null;
  const { source: from } = sample;
  if (from.kind === 'file')
    return {
      sample,
      source: {
        kind: 'url',
        // Outside a page (the lessons' rehearsal in Node) the path is relative to the app's root.
        url: typeof document === 'undefined' ? `/${from.path}` : new URL(from.path, document.baseURI).href,
        name: sample.label,
      },
    };
  if (from.generator === 'ecommerce') return { sample, source: { ...from, name: sample.label } };
  const r = Math.max(-1, Math.min(1, correlation ?? from.correlation));
  return { sample, correlation: r, source: { ...from, correlation: r, name: `${sample.label}, correlation ${r}` } };
}
