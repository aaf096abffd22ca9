/** The built-in datasets, served by the app itself from public/datasets (credits in its README). */
import type { ColumnRole } from '../types.ts';
import { CORRELATED_DEFAULTS } from './correlatedTasksSample.ts';

/**
 * Where a sample's table comes from: a file, or a seeded generator run in the worker
 * (generateEcommerceTable(seed), generateCorrelatedTasksTable(seed, correlation)).
 */
export type SampleSource =
  | { kind: 'file'; path: string }
  | { kind: 'generated'; generator: 'ecommerce'; seed: number }
  /** Two regression tasks whose weight vectors have cosine `correlation` (−1…1), after the MMoE paper §4.1. */
  | { kind: 'generated'; generator: 'correlated'; seed: number; correlation: number };

export interface SampleDataset {
  id: string;
  label: string;
  /** Path relative to the app's base URL, or a generator run in the worker. */
  source: SampleSource;
  /** Roles preset for this dataset; columns not named keep their inferred role. */
  roles: Record<string, ColumnRole>;
  positiveClasses?: Record<string, string>;
}

export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    id: 'weather',
    label: 'Seattle & New York weather (NOAA)',
    source: { kind: 'file', path: 'datasets/weather.csv' },
    positiveClasses: { location: 'Seattle' },
    roles: {
      location: 'binary',
      weather: 'multiclass',
      temp_max: 'regression',
      precipitation: 'input',
      temp_min: 'input',
      wind: 'input',
      date: 'ignore',
    },
  },
  {
    id: 'iris',
    label: 'Iris flowers (Fisher, 1936)',
    source: { kind: 'file', path: 'datasets/iris.csv' },
    roles: {
      species: 'multiclass',
      petal_width: 'regression',
      sepal_length: 'input',
      sepal_width: 'input',
      petal_length: 'input',
    },
  },
  {
    id: 'ecommerce',
    label: 'E-commerce clicks, purchases and spend (synthetic)',
    source: { kind: 'generated', generator: 'ecommerce', seed: 2024 },
    positiveClasses: { clicked: 'yes', purchased: 'yes' },
    roles: {
      user_id: 'input',
      item_id: 'input',
      clicked: 'binary',
      purchased: 'binary',
      spend: 'regression',
    },
  },
  {
    id: 'correlated',
    label: 'Two regression tasks of chosen correlation (synthetic, MMoE paper)',
    source: { kind: 'generated', generator: 'correlated', seed: 7, correlation: 0.9 },
    roles: {
      ...Object.fromEntries(Array.from({ length: CORRELATED_DEFAULTS.dims }, (_, i) => [`x${i + 1}`, 'input'])),
      y1: 'regression',
      y2: 'regression',
    },
  },
];

export const DEFAULT_SAMPLE_ID = 'weather';
