/** The built-in datasets, served by the app itself from public/datasets (credits in its README). */
import type { ColumnRole } from '../types.ts';

export interface SampleDataset {
  id: string;
  label: string;
  /** Path relative to the app's base URL, or a generator run in the worker. */
  source: { kind: 'file'; path: string } | { kind: 'generated'; generator: 'ecommerce'; seed: number };
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
      preferred_category: 'multiclass',
    },
  },
];

export const DEFAULT_SAMPLE_ID = 'weather';
