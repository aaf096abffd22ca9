/** Parameter counts per part of the network, from its spec (for the diagram; matches model.countParams()). */
import type { ModelSpec } from '../types.ts';
import { outputUnits } from './outputUnits.ts';

export interface ParameterCounts {
  embeddings: number[];
  trunk: number[]; // per dense layer
  heads: number[]; // per task (hidden + output)
  total: number;
}

export function countParameters(spec: ModelSpec): ParameterCounts {
  const embeddings = spec.embeddings.map((e) => e.vocabSize * e.dim);
  let width = spec.inputSize + spec.embeddings.reduce((s, e) => s + e.dim, 0);
  const trunk = spec.trunk.map((layer) => {
    const n = width * layer.units + layer.units;
    width = layer.units;
    return n;
  });
  const heads = spec.tasks.map((task, k) => {
    const hidden = spec.headHidden[k] ?? 0;
    const out = outputUnits(task.kind, task.numClasses);
    return hidden > 0 ? width * hidden + hidden + hidden * out + out : width * out + out;
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { embeddings, trunk, heads, total: sum(embeddings) + sum(trunk) + sum(heads) };
}
