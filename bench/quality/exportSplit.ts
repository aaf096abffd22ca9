/**
 * What the scikit-learn references need to train on exactly the network's rows: the table as the
 * app parsed it (missing cells empty), the column setup, and each seed's split row indices from
 * the app's own preparation (prepareDataset with the options activeRun.ts passes).
 */
import { writeFileSync } from 'node:fs';
import { cellText, type Table } from '../../src/core/csv/table.ts';
import { prepareDataset } from '../../src/core/data/prepareDataset.ts';
import { splitFractions } from '../../src/core/data/split.ts';
import type { TrainSettings } from '../../src/core/settings/settingsTable.ts';
import type { ColumnSetup } from './runNetwork.ts';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The parsed table as CSV: every cell as the app read it, missing cells empty. */
export function writeTableCsv(table: Table, path: string): void {
  const lines = [table.columns.map((c) => quote(c.name)).join(',')];
  for (let r = 0; r < table.rowCount; r++) lines.push(table.columns.map((c) => quote(cellText(c, r))).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
}

export interface SplitRows {
  train: number[];
  val: number[];
  test: number[];
}

/** The rows of each split for this seed, exactly as a run with these settings prepares them. */
export function splitRowsFor(table: Table, setup: ColumnSetup, settings: TrainSettings, splitSeed: number): SplitRows {
  const data = prepareDataset(
    table,
    {
      ...(setup.extras as object),
      roles: setup.roles,
      encodings: setup.encodings,
      positiveClasses: setup.positiveClasses,
      balanceClasses: {},
    },
    {
      seed: splitSeed,
      embeddingDim: settings.embeddingDim,
      fractions: splitFractions(settings.validationPercent, settings.testPercent),
    },
  );
  const rows = (s: typeof data.train) => Array.from(s.tableRows);
  return { train: rows(data.train), val: rows(data.val), test: rows(data.test) };
}
