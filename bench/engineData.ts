/**
 * The engine benchmark's data, as the trainer takes it (a PreparedDataset): the reference rows
 * (32 inputs, three tasks), or TF Playground's size (2 inputs, one binary task) on its "circle"
 * data set.
 */
import type { PreparedDataset, PreparedSplit } from '../src/core/data/prepareDataset.ts';
import { createRng } from '../src/core/rng.ts';
import type { TaskSpec } from '../src/core/types.ts';
import { makeReferenceData, REFERENCE_CLASSES, REFERENCE_INPUTS } from './referenceData.ts';

export type EngineDataKind = 'reference' | 'playground';

const REFERENCE_TASKS: TaskSpec[] = [
  { name: 'y_bin', kind: 'binary', numClasses: 2, classLabels: ['0', '1'] },
  { name: 'y_reg', kind: 'regression', numClasses: 1, classLabels: [] },
  { name: 'y_cls', kind: 'multiclass', numClasses: REFERENCE_CLASSES, classLabels: [] },
];
const PLAYGROUND_TASKS: TaskSpec[] = [{ name: 'label', kind: 'binary', numClasses: 2, classLabels: ['0', '1'] }];

/** Points as TF Playground's `classifyCircleData` draws them: label 1 inside radius 2.5, 0 on the ring 3.5–5. */
export function playgroundCircle(points: number, seed = 3): { x: Float32Array; label: Float32Array } {
  const rng = createRng(seed);
  const x = new Float32Array(points * 2);
  const label = new Float32Array(points);
  const radius = 5;
  for (let i = 0; i < points; i++) {
    const inside = i < points / 2;
    const r = inside ? rng() * radius * 0.5 : radius * (0.7 + rng() * 0.3);
    const angle = rng() * 2 * Math.PI;
    x[2 * i] = r * Math.sin(angle);
    x[2 * i + 1] = r * Math.cos(angle);
    label[i] = inside ? 1 : 0;
  }
  // The playground shuffles the points once, when it makes them.
  for (let i = points - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    for (const [a, w] of [
      [x, 2],
      [label, 1],
    ] as const)
      for (let k = 0; k < w; k++) {
        const t = a[i * w + k] as number;
        a[i * w + k] = a[j * w + k] as number;
        a[j * w + k] = t;
      }
  }
  return { x, label };
}

function split(x: Float32Array, width: number, targets: Float32Array[], start: number, rows: number): PreparedSplit {
  return {
    rows,
    tableRows: Int32Array.from({ length: rows }, (_, i) => start + i),
    x: x.slice(start * width, (start + rows) * width),
    embeddingIds: [],
    targets: targets.map((t) => t.slice(start, start + rows)),
  };
}

/** `trainRows` training rows (and a small validation and test split the trainer wants, never used here). */
export function engineDataset(kind: EngineDataKind, trainRows: number): PreparedDataset {
  const held = 64;
  const total = trainRows + 2 * held;
  let x: Float32Array;
  let targets: Float32Array[];
  let tasks: TaskSpec[];
  let width: number;
  if (kind === 'reference') {
    const d = makeReferenceData(total);
    [x, targets, tasks, width] = [d.x, [d.yBin, d.yReg, d.yCls], REFERENCE_TASKS, REFERENCE_INPUTS];
  } else {
    const d = playgroundCircle(total);
    [x, targets, tasks, width] = [d.x, [d.label], PLAYGROUND_TASKS, 2];
  }
  const featureNames = Array.from({ length: width }, (_, i) => `x${i + 1}`);
  const targetScales = tasks.map(() => ({ mean: 0, std: 1 }));
  return {
    inputSize: width,
    featureNames,
    embeddings: [],
    tasks,
    targetScales,
    classWeights: tasks.map(() => null),
    train: split(x, width, targets, 0, trainRows),
    val: split(x, width, targets, trainRows, held),
    test: split(x, width, targets, trainRows + held, held),
    preprocessing: { inputs: [], featureNames, embeddings: [], tasks, targetScales },
  };
}
