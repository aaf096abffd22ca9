/**
 * Defaults that depend on the loaded table, merged over the settings table's static defaults
 * when a dataset loads (the page does; `npm run quality` measures exactly this merge). Chosen by
 * measurement on held-out real tables (bench/quality/README.md): the network with these
 * settings should get at least what a per-task linear model gets.
 *
 * - Batch size grows with the training rows (16 … 256): small tables still take enough steps per
 *   epoch, large ones do not crawl through thousands of tiny steps.
 * - Early stopping (weighted validation loss, best epoch restored) needs patience in steps, not
 *   epochs: an epoch of 7 steps (iris) tells less than one of 270 (census), so patience is about
 *   PATIENCE_STEPS steps, at least MIN_PATIENCE epochs and at most MAX_PATIENCE.
 */
import type { ColumnSummary } from '../csv/summarizeColumns.ts';
import type { ColumnRole } from '../types.ts';
import { SETTINGS, type TrainSettings } from './settingsTable.ts';

export interface TableSummary {
  rowCount: number;
  columns: ColumnSummary[];
}

/** Batch size by training rows: [fewer than this many rows, batch size]. */
export const BATCH_BY_ROWS: readonly [number, number][] = [
  [1_000, 16],
  [5_000, 32],
  [20_000, 64],
  [50_000, 128],
];
export const MAX_BATCH = 256;
export const PATIENCE_STEPS = 500;
export const MIN_PATIENCE = 5;
export const MAX_PATIENCE = 20;

/** Rows in the training split under the default validation and test shares. */
export function trainingRows(rowCount: number): number {
  const heldOut = (SETTINGS.validationPercent.default + SETTINGS.testPercent.default) / 100;
  return Math.max(1, Math.round(rowCount * (1 - heldOut)));
}

export function batchSizeFor(trainRows: number): number {
  return BATCH_BY_ROWS.find(([below]) => trainRows < below)?.[1] ?? MAX_BATCH;
}

/** Epochs without improvement before stopping: about PATIENCE_STEPS steps, within [MIN_PATIENCE, MAX_PATIENCE]. */
export function patienceFor(trainRows: number, batchSize: number): number {
  const stepsPerEpoch = Math.max(1, Math.ceil(trainRows / batchSize));
  return Math.min(MAX_PATIENCE, Math.max(MIN_PATIENCE, Math.ceil(PATIENCE_STEPS / stepsPerEpoch)));
}

/**
 * The data-dependent part of the defaults for a table. Pure: the same summary always gives the
 * same settings. `roles` is accepted for rules that look at the inputs (none needs it yet).
 */
export function suggestedSettings(table: TableSummary, _roles?: Record<string, ColumnRole>): Partial<TrainSettings> {
  const rows = trainingRows(table.rowCount);
  const batchSize = batchSizeFor(rows);
  return {
    batchSize,
    earlyStopping: { enabled: true, monitor: 'total', patience: patienceFor(rows, batchSize) },
  };
}
