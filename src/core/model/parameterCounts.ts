/** Parameter counts per part of the network, from its spec (for the diagram; matches model.countParams()). */
import type { ModelSpec } from '../types.ts';
import { outputUnits } from './outputUnits.ts';

export interface ParameterCounts {
  embeddings: number[];
  /** Per trunk layer, summed over the experts (one copy of each layer per expert under MMoE). */
  trunk: number[];
  /** Per task: its gate (MMoE only), hidden layer and output. */
  heads: number[];
  total: number;
}

export function countParameters(spec: ModelSpec): ParameterCounts {
  const experts = Math.max(1, spec.experts ?? 1);
  const embeddings = spec.embeddings.map((e) => e.vocabSize * e.dim);
  const inputWidth = spec.inputSize + spec.embeddings.reduce((s, e) => s + e.dim, 0);
  let width = inputWidth;
  const trunk = spec.trunk.map((layer) => {
    const n = (width * layer.units + layer.units) * experts;
    width = layer.units;
    return n;
  });
  const gate = experts > 1 ? inputWidth * experts + experts : 0;
  const heads = spec.tasks.map((task, k) => {
    const hidden = spec.headHidden[k] ?? 0;
    const out = outputUnits(task.kind, task.numClasses);
    return gate + (hidden > 0 ? width * hidden + hidden + hidden * out + out : width * out + out);
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { embeddings, trunk, heads, total: sum(embeddings) + sum(trunk) + sum(heads) };
}
