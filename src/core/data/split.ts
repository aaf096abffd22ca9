/** Seeded train / validation / test split, stratified on a class column when one is given. */
import { createRng, shuffleInPlace } from '../rng.ts';
import { message } from '../messages/message.ts';
import { PrepareError } from './prepareError.ts';

export interface SplitFractions {
  train: number;
  val: number;
}

/** Row indices of each split. */
export interface SplitIndices {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
}

export const DEFAULT_SPLIT: SplitFractions = { train: 0.7, val: 0.15 };

/** At least this share of the rows stays for training whatever the person asks for. */
export const MIN_TRAIN_PERCENT = 20;

/**
 * The fractions for a validation and a test share given in percent of all rows (training gets
 * the rest). Validation needs at least 1 % (it drives the live metrics and early stopping); the
 * test share may be 0. Out-of-range shares are an error rather than silently clamped.
 */
export function splitFractions(validationPercent: number, testPercent: number): SplitFractions {
  const valid =
    validationPercent >= 1 && testPercent >= 0 && 100 - validationPercent - testPercent >= MIN_TRAIN_PERCENT;
  if (!valid)
    throw new PrepareError(
      message('messages.data.split', {
        validation: validationPercent,
        test: testPercent,
        max: 100 - MIN_TRAIN_PERCENT,
      }),
    );
  return { train: (100 - validationPercent - testPercent) / 100, val: validationPercent / 100 };
}

/**
 * Splits rows 0..rowCount-1. With `strata` (a class code per row, -1 = missing, its own stratum),
 * each stratum is shuffled and cut in the same proportions, so class shares match across splits.
 * The same seed always gives the same split.
 */
export function splitRows(
  rowCount: number,
  seed: number,
  fractions: SplitFractions = DEFAULT_SPLIT,
  strata?: ArrayLike<number>,
): SplitIndices {
  const rng = createRng(seed);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rowCount; i++) {
    const key = strata ? (strata[i] ?? -1) : 0;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  const train: number[] = [];
  const val: number[] = [];
  const test: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = shuffleInPlace(groups.get(key) as number[], rng);
    const nTrain = Math.round(rows.length * fractions.train);
    const nVal = Math.round(rows.length * fractions.val);
    train.push(...rows.slice(0, nTrain));
    val.push(...rows.slice(nTrain, nTrain + nVal));
    test.push(...rows.slice(nTrain + nVal));
  }
  return { train: Int32Array.from(train), val: Int32Array.from(val), test: Int32Array.from(test) };
}
