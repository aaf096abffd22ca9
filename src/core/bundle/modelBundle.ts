/**
 * The model bundle: one JSON file with the trained network and everything needed to use it
 * elsewhere — the preprocessing (standardisation, one-hot categories, embedding vocabularies,
 * missing rules), the tasks (class labels, positive class, target scales) and the weights. Its
 * `model` is a TensorFlow.js `model.json` as `tf.loadLayersModel` reads it, and `weightData` is
 * `weights.bin` in base64. docs/model-bundle.md documents every field.
 *
 * Reading one checks it all: a bundle is a file from outside, so a wrong one is refused with a
 * sentence, never half loaded.
 */
import { message } from '../messages/message.ts';
import { MessageError } from '../messages/messageError.ts';
import { ruleWidth, type InputRule, type Preprocessing } from '../data/preprocessing.ts';
import type { EmbeddingSpec, TaskSpec } from '../types.ts';
import { base64ToBytes } from './base64.ts';

export const BUNDLE_FORMAT = 'mtl-playground-model';
export const BUNDLE_VERSION = 1;
/** A bundle larger than this is refused before parsing (the model lives in this tab's memory). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** One weight tensor in `weightData`, in order (TensorFlow.js's weights manifest entry). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

export interface ModelBundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  /** ISO time of the export. */
  createdAt: string;
  /** The table the model was trained on (never its rows). */
  dataset: { name: string; rows: number };
  /** Epochs trained when exported. */
  epochs: number;
  preprocessing: Preprocessing;
  /** TensorFlow.js `model.json`: topology and a weights manifest naming weights.bin. */
  model: {
    modelTopology: unknown;
    format?: string;
    generatedBy?: string;
    convertedBy?: string | null;
    weightsManifest: [{ paths: ['weights.bin']; weights: WeightSpec[] }];
  };
  /** weights.bin: every tensor of the manifest, little-endian float32, in order, as base64. */
  weightData: string;
}

/** A bundle read back: its parts, with the weights as bytes. */
export interface ReadBundle {
  bundle: ModelBundle;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

const refuse = (key: string, params?: Record<string, string | number>): never => {
  throw new MessageError(message(key, params));
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** Checks a bundle's text; throws a MessageError saying what is wrong. */
export function readModelBundle(text: string): ReadBundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('messages.bundle.notJson');
  }
  if (!isObject(parsed) || parsed.format !== BUNDLE_FORMAT) return refuse('messages.bundle.notBundle');
  if (!isCount(parsed.version) || parsed.version < 1) return refuse('messages.bundle.notBundle');
  if (parsed.version > BUNDLE_VERSION) return refuse('messages.bundle.newer', { version: parsed.version });
  const preprocessing = checkPreprocessing(parsed.preprocessing);
  const model = parsed.model;
  if (!isObject(model) || !isObject(model.modelTopology) || !Array.isArray(model.weightsManifest))
    refuse('messages.bundle.noNetwork');
  const manifest = (model as { weightsManifest: unknown[] }).weightsManifest;
  const group = manifest[0];
  if (manifest.length !== 1 || !isObject(group) || !Array.isArray(group.weights))
    return refuse('messages.bundle.noNetwork');
  const weightSpecs = group.weights.map(checkWeightSpec);
  if (!isString(parsed.weightData)) return refuse('messages.bundle.noWeights');
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(parsed.weightData);
  } catch {
    return refuse('messages.bundle.noWeights');
  }
  const expected = weightSpecs.reduce((sum, s) => sum + 4 * s.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.byteLength !== expected)
    return refuse('messages.bundle.weightsSize', { expected, actual: bytes.byteLength });
  const dataset = isObject(parsed.dataset) ? parsed.dataset : {};
  const bundle: ModelBundle = {
    format: BUNDLE_FORMAT,
    version: parsed.version,
    createdAt: isString(parsed.createdAt) ? parsed.createdAt : '',
    dataset: { name: isString(dataset.name) ? dataset.name : '', rows: isCount(dataset.rows) ? dataset.rows : 0 },
    epochs: isCount(parsed.epochs) ? parsed.epochs : 0,
    preprocessing,
    model: model as ModelBundle['model'],
    weightData: parsed.weightData,
  };
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { bundle, weightSpecs, weightData };
}

function checkWeightSpec(v: unknown): WeightSpec {
  if (!isObject(v) || !isString(v.name) || !Array.isArray(v.shape) || !v.shape.every(isCount))
    refuse('messages.bundle.noNetwork');
  const spec = v as { name: string; shape: number[]; dtype?: unknown };
  if (spec.dtype !== undefined && spec.dtype !== 'float32')
    refuse('messages.bundle.dtype', { dtype: String(spec.dtype) });
  return { name: spec.name, shape: spec.shape, dtype: 'float32' };
}

function checkPreprocessing(v: unknown): Preprocessing {
  if (!isObject(v) || !Array.isArray(v.inputs) || !Array.isArray(v.tasks) || !Array.isArray(v.embeddings))
    return refuse('messages.bundle.noPreprocessing');
  if (!isStringList(v.featureNames) || !Array.isArray(v.targetScales)) return refuse('messages.bundle.noPreprocessing');
  const inputs = v.inputs.map(checkRule);
  const embeddings = v.embeddings.map(checkEmbedding);
  const tasks = v.tasks.map(checkTask);
  const targetScales = v.targetScales.map((s) => {
    if (!isObject(s) || !isFiniteNumber(s.mean) || !isFiniteNumber(s.std) || s.std <= 0)
      refuse('messages.bundle.noPreprocessing');
    return { mean: (s as { mean: number }).mean, std: (s as { std: number }).std };
  });
  const width = inputs.reduce((sum, r) => sum + ruleWidth(r), 0);
  const embeddingRules = inputs.filter((r) => r.kind === 'embedding');
  if (
    tasks.length === 0 ||
    targetScales.length !== tasks.length ||
    width !== v.featureNames.length ||
    embeddingRules.length !== embeddings.length ||
    embeddingRules.some(
      (r, i) => r.index !== i || (embeddings[i] as EmbeddingSpec).vocabSize !== r.vocabulary.length + 2,
    )
  )
    return refuse('messages.bundle.inconsistent');
  return { inputs, featureNames: v.featureNames, embeddings, tasks, targetScales };
}

function checkRule(v: unknown): InputRule {
  if (!isObject(v) || !isString(v.column)) return refuse('messages.bundle.noPreprocessing');
  if (v.kind === 'numeric' && isFiniteNumber(v.mean) && isFiniteNumber(v.std) && v.std > 0)
    return {
      kind: 'numeric',
      column: v.column,
      mean: v.mean,
      std: v.std,
      missingIndicator: v.missingIndicator === true,
    };
  if (v.kind === 'oneHot' && isStringList(v.categories))
    return { kind: 'oneHot', column: v.column, categories: v.categories, other: v.other === true };
  if (v.kind === 'embedding' && isStringList(v.vocabulary) && isCount(v.index))
    return { kind: 'embedding', column: v.column, vocabulary: v.vocabulary, index: v.index };
  return refuse('messages.bundle.noPreprocessing');
}

function checkEmbedding(v: unknown): EmbeddingSpec {
  if (!isObject(v) || !isString(v.name) || !isCount(v.vocabSize) || !isCount(v.dim))
    return refuse('messages.bundle.noPreprocessing');
  return { name: v.name, vocabSize: v.vocabSize, dim: v.dim };
}

function checkTask(v: unknown): TaskSpec {
  if (!isObject(v) || !isString(v.name) || !isCount(v.numClasses) || !isStringList(v.classLabels))
    return refuse('messages.bundle.noPreprocessing');
  const kind = v.kind;
  if (kind !== 'binary' && kind !== 'multiclass' && kind !== 'regression')
    return refuse('messages.bundle.noPreprocessing');
  const classes = kind === 'regression' ? 0 : v.numClasses;
  if (
    v.classLabels.length !== classes ||
    (kind === 'binary' && classes !== 2) ||
    (kind === 'regression' && v.numClasses !== 1)
  )
    return refuse('messages.bundle.inconsistent');
  const task: TaskSpec = { name: v.name, kind, numClasses: v.numClasses, classLabels: v.classLabels };
  if (isCount(v.chainedTo)) task.chainedTo = v.chainedTo;
  return task;
}
