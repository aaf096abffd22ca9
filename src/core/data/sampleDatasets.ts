/** The built-in datasets, served by the app itself from public/datasets (credits in its README). */
import type { ColumnRole } from '../types.ts';

export interface SampleDataset {
  id: string;
  label: string;
  /** Path relative to the app's base URL. */
  path: string;
  /** Roles preset for this dataset; columns not named keep their inferred role. */
  roles: Record<string, ColumnRole>;
}

export const SAMPLE_DATASETS: readonly SampleDataset[] = [
  {
    id: 'weather',
    label: 'Seattle & New York weather (NOAA)',
    path: 'datasets/weather.csv',
    roles: { location: 'binary', weather: 'multiclass', temp_max: 'regression', precipitation: 'input', temp_min: 'input', wind: 'input', date: 'ignore' },
  },
  {
    id: 'iris',
    label: 'Iris flowers (Fisher, 1936)',
    path: 'datasets/iris.csv',
    roles: { species: 'multiclass', petal_width: 'regression', sepal_length: 'input', sepal_width: 'input', petal_length: 'input' },
  },
];

export const DEFAULT_SAMPLE_ID = 'weather';
