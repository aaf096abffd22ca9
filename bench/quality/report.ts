/** Merges the network's runs with the scikit-learn references into the quality table (markdown + JSON). */
import { cpus } from 'node:os';
import type { TrainSettings } from '../../src/core/settings/settingsTable.ts';
import type { NetworkRun } from './runNetwork.ts';

export interface DatasetResult {
  id: string;
  label: string;
  note: string;
  rowCount: number;
  csv: string;
  splits: Record<number, string>;
  inputs: { name: string; encoding: string | undefined }[];
  settings: TrainSettings;
  runs: NetworkRun[];
}

/** references.json: per dataset, per seed, per task: the linear model's and boosting's test metric. */
export type References = Record<string, Record<string, Record<string, { linear: number; boosting: number }>>>;

const METRIC = { binary: 'AUC', multiclass: 'accuracy', regression: 'R²' } as const;

export interface Stat {
  values: number[];
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export function stat(values: number[]): Stat {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { values, mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

/** At least the linear model: mean ≥ its mean, or below it by less than the larger seed sd of the two. */
export function verdict(net: Stat, linear: Stat): 'above' | 'within spread' | 'below' {
  if (net.mean >= linear.mean) return 'above';
  return linear.mean - net.mean <= Math.max(net.sd, linear.sd) ? 'within spread' : 'below';
}

const metricOf = (kind: string, m: { auc?: number; accuracy?: number; r2?: number }) =>
  (kind === 'binary' ? m.auc : kind === 'multiclass' ? m.accuracy : m.r2) ?? NaN;
const fmt = (s: Stat | null) =>
  s ? `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})` : '—';

export function buildReport(
  results: DatasetResult[],
  references: References,
  meta: { command: string; backend: string; seeds: number[] },
) {
  const rows = results.flatMap((d) =>
    (d.runs[0]?.tasks ?? []).map((task, k) => {
      const net = stat(d.runs.map((r) => metricOf(task.kind, r.test[k] ?? {})));
      const refs = d.runs.map((r) => references[d.id]?.[String(r.seed)]?.[task.name]);
      const have = refs.every((r) => r !== undefined);
      const linear = have ? stat(refs.map((r) => r?.linear ?? NaN)) : null;
      const boosting = have ? stat(refs.map((r) => r?.boosting ?? NaN)) : null;
      return {
        dataset: d.id,
        task: task.name,
        kind: task.kind,
        metric: METRIC[task.kind],
        network: net,
        linear,
        boosting,
        verdict: linear ? verdict(net, linear) : null,
        epochs: d.runs.map((r) => ({ state: r.finalState, epochs: r.epochsTrained, bestEpoch: r.bestEpoch })),
      };
    }),
  );
  const header =
    '| dataset | task | test metric | network (defaults) | linear (LR / softmax / ridge) | gradient boosting | ≥ linear? |\n| --- | --- | --- | --- | --- | --- | --- |';
  const lines = rows.map(
    (r) =>
      `| ${r.dataset} | ${r.task} | ${r.metric} | ${fmt(r.network)} | ${fmt(r.linear)} | ${fmt(r.boosting)} | ${r.verdict === 'above' ? 'yes' : r.verdict === 'within spread' ? 'yes, within spread' : r.verdict === 'below' ? '**no**' : '—'} |`,
  );
  const stops = results.map((d) => {
    const e = d.runs.map((r) =>
      r.bestEpoch ? `${r.epochsTrained}→${r.bestEpoch}` : `${r.epochsTrained} (${r.finalState})`,
    );
    const secs = d.runs.reduce((a, r) => a + r.seconds, 0);
    return `${d.id}: ${e.join(', ')}; ${secs.toFixed(0)} s`;
  });
  const met = rows.filter((r) => r.verdict === 'above' || r.verdict === 'within spread').length;
  const below = rows.filter((r) => r.verdict === 'below').map((r) => `${r.dataset}/${r.task}`);
  const summary = [
    `Mean ± sd (min–max) over seeds ${meta.seeds.join(', ')} (Seed = Split seed); test split, ${results[0]?.settings.testPercent ?? '?'} % of rows.`,
    `At least linear (within spread): ${met} of ${rows.length} tasks${below.length ? `; below: ${below.join(', ')}` : ''}.`,
    `Epochs per seed (stopped at → best epoch restored) and training time: ${stops.join('; ')}.`,
  ].join('\n');
  const complete =
    rows.length > 0 &&
    rows.every(
      (r) =>
        r.network.values.every(Number.isFinite) &&
        (Object.keys(references).length === 0 || (r.linear?.values.every(Number.isFinite) ?? false)),
    );
  const json = {
    date: new Date().toISOString().slice(0, 10),
    command: meta.command,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, TF.js backend ${meta.backend}`,
    verdictRule:
      'above: network mean ≥ linear mean; within spread: below it by at most the larger of the two seed standard deviations; else below',
    rows,
    datasets: results.map((d) => ({
      id: d.id,
      label: d.label,
      note: d.note,
      rows: d.rowCount,
      inputs: d.inputs,
      settings: d.settings,
      runs: d.runs,
    })),
  };
  return { markdown: `${header}\n${lines.join('\n')}`, summary, json, complete };
}
