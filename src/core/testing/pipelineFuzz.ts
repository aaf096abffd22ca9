/**
 * The fuzzed pipeline: bytes → decodeText → parseCsv (in one go, and in chunks: the same result) →
 * summarizeColumns → prepareDataset → one training step, asserting at each stage what must hold: a table
 * or a clear error (CsvError, PrepareError), never another exception, never NaN or Infinity in an input,
 * an id or a loss. Run by pipeline.fuzz.test.ts (a few hundred cases) and scripts/fuzz.ts (10,000).
 */
import fc from 'fast-check';
import { decodeText } from '../csv/decodeText.ts';
import { CsvError, parseCsv, parseCsvSync, type ParsedCsv } from '../csv/parseCsv.ts';
import { summarizeColumns, type ColumnSummary } from '../csv/summarizeColumns.ts';
import type { ColumnRole } from '../types.ts';
import type { Column } from '../csv/table.ts';
import { PrepareError, prepareDataset, type PreparedDataset } from '../data/prepareDataset.ts';
import { MultiTaskTrainer } from '../train/multiTaskTrainer.ts';
import { inEnglish as english } from '../../i18n/inEnglish.ts';
import type { Message } from '../messages/message.ts';
import { fuzzBytes, fuzzChoices, fuzzFile, type FuzzChoices, type FuzzFile, type FuzzOptions } from './csvFuzz.ts';

/** How the cases ended, to show the generators reach every stage. */
export interface FuzzStats {
  runs: number;
  refusedFile: number;
  refusedRoles: number;
  trained: number;
  problems: number;
  alerts: number;
  /** Clear errors by their first words. */
  refusals: Record<string, number>;
}

export const emptyStats = (): FuzzStats => ({
  runs: 0,
  refusedFile: 0,
  refusedRoles: 0,
  trained: 0,
  problems: 0,
  alerts: 0,
  refusals: {},
});

/** The target role a column of each kind can take (fitting mode). */
const TARGET_OF: Partial<Record<ColumnSummary['kind'], ColumnRole>> = {
  binary: 'binary',
  categorical: 'multiclass',
  'integer codes': 'multiclass',
  numeric: 'regression',
};

class FuzzFailure extends Error {
  override name = 'FuzzFailure';
}
function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new FuzzFailure(what);
}
/** A message in English, or '' when its key is not in the catalogue (i18next then gives the key back). */
function inEnglish(msg: Message): string {
  const text = english(msg);
  return text.includes('messages.') ? '' : text;
}

/** A clear error: a CsvError or PrepareError with a sentence for the person. Counted by its first words. */
function isClear(error: unknown, stats: FuzzStats): boolean {
  if (!(error instanceof CsvError || error instanceof PrepareError)) return false;
  const text = inEnglish(error.detail);
  if (text.length < 20) return false;
  const key = text.replace(/"[^"]*"/g, '"…"').slice(0, 48);
  stats.refusals[key] = (stats.refusals[key] ?? 0) + 1;
  return true;
}

/** One case through every stage; rethrows anything that is not a clear error. */
export async function runPipeline(file: FuzzFile, choices: FuzzChoices, stats: FuzzStats): Promise<void> {
  stats.runs++;
  let parsed: ParsedCsv;
  try {
    parsed = parseCsvSync(decodeText(fuzzBytes(file)).text);
  } catch (error) {
    if (!isClear(error, stats)) throw error;
    stats.refusedFile++;
    return;
  }
  const text = decodeText(fuzzBytes(file)).text;
  if (choices.segmentChars > 0) {
    const streamed = await parseCsv(text, { segmentChars: choices.segmentChars, yieldToEventLoop: async () => {} });
    check(JSON.stringify(streamed) === JSON.stringify(parsed), 'parsing in chunks gave another table than in one go');
  }
  checkTable(parsed);
  if (parsed.report.problems?.length) stats.problems++;
  if (parsed.report.alert) stats.alerts++;
  const { table } = parsed;
  const summaries = summarizeColumns(table);
  for (const s of summaries) {
    for (const v of [s.min, s.max, s.mean]) check(v === undefined || Number.isFinite(v), `summary of ${s.name}: ${v}`);
    check(s.missing >= 0 && s.missing <= table.rowCount && s.distinct >= 0, `summary counts of ${s.name}`);
  }
  // Settings keyed by name, as the page keeps them (plain objects, whatever the header says).
  const names = table.columns.map((c) => c.name);
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  const roles = Object.fromEntries(names.map((n, i) => [n, at(choices.roles, i)]));
  if (choices.roleMode === 'fitting') {
    const target = summaries.findIndex((s) => TARGET_OF[s.kind]);
    summaries.forEach((s, i) => {
      roles[s.name] =
        i === target ? (TARGET_OF[s.kind] as ColumnRole) : roles[s.name] === 'ignore' ? 'ignore' : 'input';
    });
  }
  const encodings = Object.fromEntries(names.map((n, i) => [n, at(choices.encodings, i)]));
  const positiveClasses: Record<string, string> = {};
  const balanceClasses: Record<string, boolean> = {};
  names.forEach((n, i) => {
    if (choices.positiveClass !== null && roles[n] === 'binary' && i % 2 === 0)
      positiveClasses[n] = choices.positiveClass;
    if (choices.balance && roles[n] !== 'regression') balanceClasses[n] = true;
  });
  let data: PreparedDataset;
  try {
    data = prepareDataset(
      table,
      { roles, encodings, positiveClasses, balanceClasses },
      {
        seed: choices.seed,
        fractions: { train: 1 - choices.validationShare - choices.testShare, val: choices.validationShare },
        maxOneHot: choices.maxOneHot,
        embeddingDim: choices.embeddingDim,
      },
    );
  } catch (error) {
    if (!isClear(error, stats)) throw error;
    stats.refusedRoles++;
    return;
  }
  checkPrepared(data);
  // (Input columns with every cell missing used to reach the trainer with no inputs: prepareDataset
  // now refuses them with a PrepareError — found by this fuzz, tested in prepareDataset.test.ts.)
  await trainOneStep(data, choices.seed);
  stats.trained++;
}

function checkTable({ table, report }: ParsedCsv): void {
  check(table.rowCount >= 1 && table.columns.length >= 2, 'a table has rows and at least two columns');
  check(new Set(table.columns.map((c) => c.name)).size === table.columns.length, 'column names are unique');
  for (const c of table.columns) checkColumn(c, table.rowCount);
  for (const p of report.problems ?? []) {
    check(
      p.count > 0 && inEnglish(p.message).length > 0 && p.firstRows.length <= Math.min(5, p.count),
      `problem ${p.kind}`,
    );
    check(
      p.firstRows.every((r) => Number.isInteger(r) && r >= 0 && r <= table.rowCount),
      `rows of ${p.kind}: ${p.firstRows}`,
    );
  }
}

function checkColumn(c: Column, rows: number): void {
  let missing = 0;
  if (c.type === 'numeric') {
    check(c.values.length === rows, `${c.name}: ${c.values.length} values for ${rows} rows`);
    for (const v of c.values) {
      if (Number.isNaN(v)) missing++;
      else check(Number.isFinite(v), `${c.name}: ${v} in a numeric column`);
    }
  } else {
    check(c.codes.length === rows, `${c.name}: ${c.codes.length} codes for ${rows} rows`);
    for (const code of c.codes) {
      if (code < 0) missing++;
      check(code >= -1 && code < c.dictionary.length, `${c.name}: code ${code} of ${c.dictionary.length}`);
    }
  }
  check(missing === c.missing, `${c.name}: ${missing} missing cells counted as ${c.missing}`);
}

function checkPrepared(data: PreparedDataset): void {
  for (const [name, split] of Object.entries({ train: data.train, val: data.val, test: data.test })) {
    check(split.x.length === split.rows * data.inputSize, `${name}: x has ${split.x.length} values`);
    for (const v of split.x) check(Number.isFinite(v), `${name}: ${v} in the inputs`);
    split.embeddingIds.forEach((ids, e) => {
      const vocab = data.embeddings[e]?.vocabSize ?? 0;
      for (const id of ids)
        check(Number.isInteger(id) && id >= 0 && id < vocab, `${name}: embedding id ${id}/${vocab}`);
    });
    split.targets.forEach((t, k) => {
      const task = data.tasks[k];
      for (const v of t) {
        if (Number.isNaN(v)) continue; // a missing target: masked out of that task
        check(Number.isFinite(v), `${name}: target ${v} of ${task?.name}`);
        if (task?.kind !== 'regression')
          check(Number.isInteger(v) && v >= 0 && v < (task?.numClasses ?? 0), `${name}: class ${v} of ${task?.name}`);
      }
    });
  }
  for (const w of data.classWeights) for (const v of w ?? []) check(Number.isFinite(v) && v >= 0, `class weight ${v}`);
  for (const s of data.targetScales) check(Number.isFinite(s.mean) && s.std > 0, `target scale ${s.mean}, ${s.std}`);
}

async function trainOneStep(data: PreparedDataset, seed: number): Promise<void> {
  const trainer = new MultiTaskTrainer(data, {
    trunk: [{ units: 4, activation: 'relu', dropout: 0.1 }],
    headHidden: data.tasks.map(() => 0),
    batchSize: 16,
    learningRate: 0.01,
    seed,
    weights: data.tasks.map(() => 1),
  });
  try {
    const losses = trainer.trainStep();
    const values = await losses.data(); // [L₁…L_T, total, w₁…w_T]
    losses.dispose();
    check(values.length === 2 * data.tasks.length + 1, `${values.length} values for ${data.tasks.length} tasks`);
    for (const v of values) check(Number.isFinite(v), `a loss of ${v}: ${[...values].join(', ')}`);
  } finally {
    trainer.dispose();
  }
}

/** The property: every generated file and choice goes through the pipeline cleanly. */
export function pipelineProperty(stats: FuzzStats, options: FuzzOptions = {}) {
  return fc.asyncProperty(fuzzFile(options), fuzzChoices, (file, choices) => runPipeline(file, choices, stats));
}
