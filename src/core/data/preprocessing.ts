/**
 * What preprocessing learned from the training rows, as plain data: enough to encode a new table
 * exactly as the model's training rows were encoded (the model bundle carries it; Predict uses it).
 * Category labels are the cell text (numbers as JavaScript prints them: `3`, `0.5`).
 */
import type { EmbeddingSpec, TaskSpec } from '../types.ts';

/** A number, standardised with the training mean and standard deviation; missing → 0 (the mean), plus an indicator slot when training had missing values. */
export interface NumericRule {
  kind: 'numeric';
  column: string;
  mean: number;
  std: number;
  /** A second feature slot that is 1 where the value is missing. */
  missingIndicator: boolean;
}

/** Categories one-hot: one slot per training category in `categories` order, then "(other)" when `other`. Missing → all zeros. */
export interface OneHotRule {
  kind: 'oneHot';
  column: string;
  categories: string[];
  /** Categories not seen in training get this last slot (else they get all zeros, as missing). */
  other: boolean;
}

/** Categories as embedding ids: 0 = missing, 1 = rare or unseen ("other"), 2 + i = `vocabulary[i]`. */
export interface EmbeddingRule {
  kind: 'embedding';
  column: string;
  vocabulary: string[];
  /** The model input it feeds: `embed<index>_ids`, in embedding order. */
  index: number;
}

export type InputRule = NumericRule | OneHotRule | EmbeddingRule;

export interface Preprocessing {
  /** In feature order: dense rules fill the feature vector left to right; embedding rules feed their own inputs. */
  inputs: InputRule[];
  featureNames: string[];
  embeddings: EmbeddingSpec[];
  tasks: TaskSpec[];
  /** Per task: regression outputs are `value · std + mean` in the target's units (identity for classification). */
  targetScales: { mean: number; std: number }[];
}

/** The feature slots a dense rule writes. */
export function ruleWidth(rule: InputRule): number {
  if (rule.kind === 'numeric') return rule.missingIndicator ? 2 : 1;
  if (rule.kind === 'oneHot') return rule.categories.length + (rule.other ? 1 : 0);
  return 0;
}
