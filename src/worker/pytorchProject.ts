/**
 * A run as the JSON files of its PyTorch project (docs/pytorch-project.md): `config.json`,
 * `preprocess.json`, `split.json`, `initial-weights.json` and `timeline.json`. The page zips them
 * with the template (`pytorch/project/`) and the run's `Export metrics`.
 */
import * as tf from '@tensorflow/tfjs';
import { bytesToBase64 } from '../core/bundle/base64.ts';
import type { Table } from '../core/csv/table.ts';
import { tableCsv } from '../core/csv/tableCsv.ts';
import { readsDecimalComma } from '../core/csv/tableSink.ts';
import type { Preprocessing } from '../core/data/preprocessing.ts';
import { SAMPLE_DATASETS } from '../core/data/sampleDatasets.ts';
import { buildMultiTaskNetwork } from '../core/model/buildMultiTaskModel.ts';
import { SETTING_KEYS } from '../core/settings/settingsTable.ts';
import type { ModelSpec } from '../core/types.ts';
import type { ActiveRun } from './activeRun.ts';
import { sha256Hex, type LoadedTable } from './loadTable.ts';
import type { DatasetSource } from './protocol.ts';
import { readWeights } from './weightsData.ts';

export const PROJECT_FORMAT = 'mtl-playground-pytorch';
export const PROJECT_VERSION = 1;

/** What the project says of the loaded table beyond its cells: which file it was, and how it was parsed. */
export interface TableFacts {
  /** sha256: of the file's bytes; null for a generated sample. sample: the built-in sample's id, or null. */
  dataset: { name: string; rows: number; bytes: number; sha256: string | null; sample: string | null };
  csv: { delimiter: string; decimalComma: boolean };
}

/** One weight of the network: its name in the model bundle's manifest, its shape, its float32 values (little-endian) in base64. */
export interface InitialWeight {
  name: string;
  shape: number[];
  data: string;
}

/** The facts of a table as it was loaded (kept beside the table, for the project). */
export function tableFacts(source: DatasetSource, loaded: LoadedTable): TableFacts {
  const generated = source.kind === 'generated';
  const { delimiter } = loaded.parsed.report;
  return {
    dataset: {
      name: loaded.name,
      rows: loaded.parsed.table.rowCount,
      bytes: loaded.bytes,
      sha256: generated ? null : loaded.sha256,
      sample: sampleIdOf(source),
    },
    csv: generated
      ? { delimiter: ',', decimalComma: false }
      : { delimiter, decimalComma: readsDecimalComma(delimiter) },
  };
}

/** The built-in sample a source loads (its file's path, or its generator), or null for a person's file. */
function sampleIdOf(source: DatasetSource): string | null {
  if (source.kind === 'file') return null;
  const found = SAMPLE_DATASETS.find(({ source: from }) =>
    source.kind === 'url'
      ? from.kind === 'file' && (source.url === from.path || source.url.endsWith(`/${from.path}`))
      : from.kind === 'generated' && from.generator === source.generator,
  );
  return found?.id ?? null;
}

/** The run's files by name, as JSON text. Reads the initial weights from a fresh build (disposed before it returns). */
export async function pytorchProjectFiles(
  run: ActiveRun,
  table: Table,
  facts: TableFacts,
): Promise<Record<string, string>> {
  const { trainer, config } = run;
  const { data, spec } = trainer;
  const weights = await initialWeights(spec, trainer.options.seed);
  const carried = await carriedSample(table, facts);
  const settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, config[key]]));
  // A run until paused has no target: the script trains as far as the browser did.
  settings.epochs = run.targetEpochs ?? Math.max(trainer.epochsCompleted, 1);
  const projectConfig = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    createdAt: new Date().toISOString(),
    dataset: { ...facts.dataset, ...(carried ? { file: carried.name, fileSha256: carried.sha256 } : {}) },
    settings,
    weights: run.info.initialWeights,
    enabled: run.info.initialEnabled,
    model: {
      inputSize: spec.inputSize,
      embeddings: spec.embeddings,
      trunk: spec.trunk,
      experts: spec.experts ?? 1,
      headHidden: spec.headHidden,
    },
    stepsPerEpoch: trainer.stepsPerEpoch,
    exportedAt: { epoch: trainer.epochsCompleted, step: trainer.globalStep },
    epsilon: tf.backend().epsilon(),
    backend: tf.getBackend(),
    firstStep: run.firstStep,
    // Until paused, early stopping only tracks the best epoch (it never stops the run).
    untilPaused: run.targetEpochs === null,
    resumedAt: run.resumedAt,
  };
  const preprocess = {
    ...data.preprocessing,
    columnTypes: columnTypes(table, data.preprocessing),
    classWeights: data.classWeights,
    csv: facts.csv,
  };
  const split = {
    rows: table.rowCount,
    train: Array.from(data.train.tableRows),
    val: Array.from(data.val.tableRows),
    test: Array.from(data.test.tableRows),
  };
  return {
    'config.json': pretty(projectConfig),
    'preprocess.json': pretty(preprocess),
    'split.json': JSON.stringify(split),
    'initial-weights.json': JSON.stringify({ weights }),
    'timeline.json': pretty({ changes: run.timeline }),
    // A generated sample has no file of its own: the project carries its table (config.json names it).
    ...(carried ? { [carried.name]: carried.text } : {}),
  };
}

/**
 * A built-in sample travels with the project as `<sample id>.csv` (the person has no file of it: it
 * is generated, or served by the app), with its own SHA-256 so the script knows it for the run's
 * file; a person's own file is never copied. Null for a person's file.
 */
async function carriedSample(
  table: Table,
  facts: TableFacts,
): Promise<{ name: string; text: string; sha256: string } | null> {
  if (!facts.dataset.sample) return null;
  const text = tableCsv(table);
  return { name: `${facts.dataset.sample}.csv`, text, sha256: await sha256Hex(new TextEncoder().encode(text)) };
}

/**
 * The network's weights before its first step: the build is seeded, so a fresh one of the same
 * spec and seed holds exactly the weights the run started from. In `getWeights()` order, named as
 * `model.save` names them (`<layer>/<kernel|bias|embeddings>`).
 */
export async function initialWeights(spec: ModelSpec, seed: number): Promise<InitialWeight[]> {
  const { model } = buildMultiTaskNetwork(spec, seed);
  try {
    const packed = await readWeights(model);
    let offset = 0; // in bytes
    return packed.specs.map(({ name, shape }) => {
      const bytes = 4 * shape.reduce((a, b) => a * b, 1);
      const data = bytesToBase64(new Uint8Array(packed.data, offset, bytes));
      offset += bytes;
      return { name, shape, data };
    });
  } finally {
    model.dispose();
  }
}

/** "numeric" or "text" for every input and target column, as the CSV reader typed it. */
function columnTypes(table: Table, preprocessing: Preprocessing): Record<string, 'numeric' | 'text'> {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const names = [...preprocessing.inputs.map((r) => r.column), ...preprocessing.tasks.map((t) => t.name)];
  return Object.fromEntries(
    names.map((name) => {
      const column = byName.get(name);
      if (!column) throw new Error(`The table has no column "${name}".`);
      return [name, column.type === 'numeric' ? 'numeric' : 'text'];
    }),
  );
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
