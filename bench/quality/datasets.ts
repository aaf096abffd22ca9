/**
 * The datasets `npm run quality` measures: every built-in sample (whatever SAMPLE_DATASETS lists,
 * with its preset roles, loaded the way the worker loads it) and every real table in
 * ../shared/data that is not already one of them, with the tasks a person would set.
 */
import type { Table } from '../../src/core/csv/table.ts';
import { generateCorrelatedTasksTable } from '../../src/core/data/correlatedTasksSample.ts';
import { generateEcommerceTable } from '../../src/core/data/ecommerceSample.ts';
import { SAMPLE_DATASETS, type SampleDataset } from '../../src/core/data/sampleDatasets.ts';
import type { ColumnRole } from '../../src/core/types.ts';
import type { DatasetSource } from '../../src/worker/protocol.ts';

type Generated = Extract<SampleDataset['source'], { kind: 'generated' }>;
/** The generator each generated sample points to (the worker runs the same functions). */
const GENERATORS: Record<string, (s: Generated) => Table> = {
  ecommerce: (s) => generateEcommerceTable(s.seed),
  correlated: (s) => generateCorrelatedTasksTable(s.seed, (s as { correlation: number }).correlation),
};

export interface QualityDataset {
  id: string;
  label: string;
  /** Where the table comes from; a generated sample is written to a CSV first (see quality.ts). */
  source: DatasetSource;
  generate?: () => Table;
  /** Further column settings the sample presets (e.g. chained tasks), passed on as the page does. */
  extras?: Record<string, unknown>;
  /** Roles set by the person; every other column keeps its suggested role (as the page does). */
  roles: Record<string, ColumnRole>;
  positiveClasses?: Record<string, string>;
  /** Why these tasks and ignored columns. */
  note: string;
}

export const SHARED_DATA = '../shared/data';

const CENSUS_ROLES: Record<string, ColumnRole> = {
  income_50k: 'binary',
  marital_stat: 'multiclass',
  instance_weight: 'ignore',
  education: 'ignore',
};
const CENSUS_NOTE =
  'The MMoE paper\'s group-1 tasks (Ma et al. 2018); `instance_weight` is a survey weight and `education` is left out as in the paper; positive class "50000+." (the rarer one, the app\'s default).';

/** The built-in samples, as the page presets them. */
export function sampleDatasets(): QualityDataset[] {
  return SAMPLE_DATASETS.map((s) => {
    const { id, label, source, roles, positiveClasses, ...extras } = s;
    const generator = source.kind === 'generated' ? GENERATORS[source.generator] : undefined;
    if (source.kind === 'generated' && !generator)
      throw new Error(`Sample "${id}": no generator "${source.generator}" in bench/quality/datasets.ts`);
    return {
      id,
      label,
      source: { kind: 'url', url: source.kind === 'file' ? `public/${source.path}` : `(generated)`, name: id },
      ...(generator && source.kind === 'generated' ? { generate: () => generator(source) } : {}),
      roles: { ...roles },
      ...(positiveClasses ? { positiveClasses: { ...positiveClasses } } : {}),
      ...(Object.keys(extras).length > 0 ? { extras } : {}),
      note: `Built-in sample with its preset roles${source.kind === 'generated' ? ` (generated: ${JSON.stringify(source)})` : ''}.`,
    };
  });
}

/**
 * The real tables of ../shared/data besides weather.csv and iris.csv, which are byte-identical
 * to the built-in samples (quality.ts checks) and so measured once, as samples.
 */
export const SHARED_DATASETS: QualityDataset[] = [
  {
    id: 'adult',
    label: 'UCI Adult (32,561 rows)',
    source: { kind: 'url', url: `${SHARED_DATA}/adult.csv`, name: 'adult' },
    roles: {
      income: 'binary',
      'marital-status': 'multiclass',
      relationship: 'ignore',
      fnlwgt: 'ignore',
    },
    note: 'The MMoE pairing on the smaller census file (the data README suggests it): `income` (binary, ">50K" is the rarer class) and `marital-status` (7 classes). `relationship` is ignored because it leaks marital status (Husband/Wife imply married), `fnlwgt` because it is a sampling weight, not a property of the person; `education` stays (redundant with `education-num`, harmless).',
  },
  {
    id: 'census10k',
    label: 'Census-Income (KDD) sample, 10,000 rows',
    source: { kind: 'url', url: `${SHARED_DATA}/census_income_kdd_test_sample10k.csv`, name: 'census10k' },
    roles: CENSUS_ROLES,
    note: CENSUS_NOTE,
  },
  {
    id: 'census',
    label: 'Census-Income (KDD) test file, 99,762 rows',
    source: { kind: 'url', url: `${SHARED_DATA}/census_income_kdd_test.csv.gz`, name: 'census' },
    roles: CENSUS_ROLES,
    note: CENSUS_NOTE,
  },
];

/** Shared files that duplicate a built-in sample: [shared path, sample path]. */
export const DUPLICATES: [string, string][] = [
  [`${SHARED_DATA}/weather.csv`, 'public/datasets/weather.csv'],
  [`${SHARED_DATA}/iris.csv`, 'public/datasets/iris.csv'],
];

/** Real tables first (file samples, then ../shared/data), generated samples last. */
export function allDatasets(): QualityDataset[] {
  const samples = sampleDatasets();
  return [...samples.filter((d) => !d.generate), ...SHARED_DATASETS, ...samples.filter((d) => d.generate)];
}
