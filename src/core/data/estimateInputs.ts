/**
 * The model's input widths estimated from column summaries, before any data is prepared, so the
 * network diagram can update as the person edits. It follows prepareDataset's rules; the exact
 * sizes come from the training split when a run starts.
 */
import type { ColumnSummary } from '../csv/summarizeColumns.ts';
import type { ColumnRole, EmbeddingSpec, InputEncoding } from '../types.ts';
import { embeddingDimFor } from './featureEncoders.ts';
import { MAX_EMBEDDING_VOCAB, MAX_ONE_HOT } from './prepareDataset.ts';

export function estimateInputs(
  columns: ColumnSummary[],
  roles: Record<string, ColumnRole>,
  encodings: Record<string, InputEncoding>,
  embeddingDim: number,
): { inputSize: number; embeddings: EmbeddingSpec[] } {
  let inputSize = 0;
  const embeddings: EmbeddingSpec[] = [];
  for (const c of columns) {
    if (roles[c.name] !== 'input') continue;
    if (c.type === 'numeric' && (encodings[c.name] ?? 'numeric') === 'numeric') inputSize += c.missing > 0 ? 2 : 1;
    else if (c.distinct <= MAX_ONE_HOT) inputSize += c.distinct;
    else {
      const vocabSize = Math.min(c.distinct, MAX_EMBEDDING_VOCAB) + 2;
      embeddings.push({ name: c.name, vocabSize, dim: embeddingDimFor(vocabSize, embeddingDim) });
    }
  }
  return { inputSize, embeddings };
}
