#!/usr/bin/env node
/**
 * Predicts a CSV with a model bundle, outside the app: plain Node with @tensorflow/tfjs and
 * papaparse, following docs/model-bundle.md (it shares no code with the app, so it checks that the
 * bundle alone is enough). Writes the same CSV as the app's Download predictions.
 *
 *   node examples/predict-with-bundle.mjs MODEL.json DATA.csv [--backend cpu|wasm] > predictions.csv
 *
 * (wasm: the TF.js WASM backend, the page's engine on machines without a GPU; its float32 rounding
 * then matches the page's to the last bit.)
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import Papa from 'papaparse';

const args = process.argv.slice(2);
const backendAt = args.indexOf('--backend');
const backend = backendAt >= 0 ? args.splice(backendAt, 2)[1] : 'cpu';
const [bundlePath, csvPath] = args;
if (!bundlePath || !csvPath) {
  console.error('usage: node examples/predict-with-bundle.mjs MODEL.json DATA.csv');
  process.exit(2);
}
if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
await tf.setBackend(backend);
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
if (bundle.format !== 'mtl-playground-model' || bundle.version !== 1) throw new Error('not a version 1 model bundle');
const { preprocessing } = bundle;

// The weights: base64 of little-endian float32 values, in the manifest's order.
const bytes = Buffer.from(bundle.weightData, 'base64');
const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const model = await tf.loadLayersModel(
  tf.io.fromMemory({
    modelTopology: bundle.model.modelTopology,
    weightSpecs: bundle.model.weightsManifest[0].weights,
    weightData,
  }),
);

// Cells as the app reads them: NA tokens are missing; a number is matched by its shortest text ("007" → "7").
const NA = new Set(['', 'NA', 'N/A', 'n/a', 'na', 'null', 'NULL', 'Null', 'NaN', 'nan', '?', '.', '-']);
const isMissing = (cell) => cell === undefined || NA.has(cell.trim());
const asNumber = (cell) => (isMissing(cell) ? NaN : Number(cell.trim()));
const asLabel = (cell) => {
  if (isMissing(cell)) return null;
  const n = Number(cell.trim());
  return Number.isFinite(n) ? String(n) : cell;
};

const parsed = Papa.parse(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
const rows = parsed.data;
const missing = preprocessing.inputs.map((r) => r.column).filter((c) => !parsed.meta.fields.includes(c));
if (missing.length > 0) throw new Error(`the file lacks input columns: ${missing.join(', ')}`);

// Dense features left to right, rule by rule; embedding rules fill their own id input.
const width = preprocessing.featureNames.length;
const x = new Float32Array(rows.length * width);
const ids = preprocessing.embeddings.map(() => new Float32Array(rows.length));
const MAX_Z = 1e6;
rows.forEach((row, r) => {
  let offset = 0;
  for (const rule of preprocessing.inputs) {
    const cell = row[rule.column];
    if (rule.kind === 'numeric') {
      const v = asNumber(cell);
      const z = (v - rule.mean) / rule.std;
      x[r * width + offset] = Number.isNaN(v) ? 0 : Math.max(-MAX_Z, Math.min(MAX_Z, z));
      if (rule.missingIndicator) x[r * width + offset + 1] = Number.isNaN(v) ? 1 : 0;
      offset += rule.missingIndicator ? 2 : 1;
    } else if (rule.kind === 'oneHot') {
      const label = asLabel(cell);
      const i = label === null ? -1 : rule.categories.indexOf(label);
      const slot = label === null ? -1 : i >= 0 ? i : rule.other ? rule.categories.length : -1;
      if (slot >= 0) x[r * width + offset + slot] = 1;
      offset += rule.categories.length + (rule.other ? 1 : 0);
    } else {
      const label = asLabel(cell);
      const i = label === null ? -1 : rule.vocabulary.indexOf(label);
      ids[rule.index][r] = label === null ? 0 : i >= 0 ? i + 2 : 1;
    }
  }
});

const inputs = [
  ...(width > 0 ? [tf.tensor2d(x, [rows.length, width])] : []),
  ...ids.map((v) => tf.tensor2d(v, [rows.length, 1])),
];
const raw = model.predict(inputs.length === 1 ? inputs[0] : inputs);
const outputs = (Array.isArray(raw) ? raw : [raw]).map((t) => t.dataSync());

// Per task: binary → class (p ≥ 0.5 is the positive class, classLabels[1]) and p; multi-class →
// the most probable class and each class's p; regression → value · std + mean.
const header = ['row'];
const cells = rows.map((_, r) => [String(r + 1)]);
preprocessing.tasks.forEach((task, k) => {
  const out = outputs[k];
  if (task.kind === 'regression') {
    const { mean, std } = preprocessing.targetScales[k];
    header.push(task.name);
    cells.forEach((c, r) => c.push(String(out[r] * std + mean)));
  } else if (task.kind === 'binary') {
    header.push(task.name, `${task.name}_p`);
    cells.forEach((c, r) => c.push(task.classLabels[out[r] >= 0.5 ? 1 : 0], String(out[r])));
  } else {
    const n = task.numClasses;
    header.push(task.name, ...task.classLabels.map((l) => `${task.name}_p_${l}`));
    cells.forEach((c, r) => {
      const p = Array.from(out.subarray(r * n, (r + 1) * n));
      c.push(task.classLabels[p.indexOf(Math.max(...p))], ...p.map(String));
    });
  }
});
process.stdout.write(Papa.unparse({ fields: header, data: cells }, { newline: '\n' }) + '\n');
