/** Small seeded datasets for tests: every task is learnable from the inputs. */
import { parseCsvSync } from '../csv/parseCsv.ts';
import type { Table } from '../csv/table.ts';
import { prepareDataset, type PreparedDataset } from '../data/prepareDataset.ts';
import { createRng } from '../rng.ts';
import type { ColumnRole } from '../types.ts';

/** CSV text with inputs x1, x2, colour and targets clicked (binary), segment (3-class), spend (regression). */
export function toyCsv(rows: number, seed = 1): string {
  const rng = createRng(seed);
  const lines = ['x1,x2,colour,clicked,segment,spend'];
  for (let i = 0; i < rows; i++) {
    const x1 = rng() * 4 - 2;
    const x2 = rng() * 4 - 2;
    const colour = ['red', 'green', 'blue'][Math.floor(rng() * 3)] as string;
    const clicked = x1 + x2 + (colour === 'red' ? 0.5 : 0) > 0 ? 'yes' : 'no';
    const segment = x1 > 0.7 ? 'high' : x1 < -0.7 ? 'low' : 'mid';
    const spend = (10 + 3 * x1 - 2 * x2 + (rng() - 0.5) * 0.1).toFixed(3);
    lines.push(`${x1.toFixed(4)},${x2.toFixed(4)},${colour},${clicked},${segment},${spend}`);
  }
  return lines.join('\n');
}

export const TOY_ROLES: Record<string, ColumnRole> = {
  x1: 'input',
  x2: 'input',
  colour: 'input',
  clicked: 'binary',
  segment: 'multiclass',
  spend: 'regression',
};

export function toyTable(rows = 200, seed = 1): Table {
  return parseCsvSync(toyCsv(rows, seed)).table;
}

export function toyDataset(rows = 200, seed = 1): PreparedDataset {
  return prepareDataset(toyTable(rows, seed), { roles: TOY_ROLES }, { seed: 42 });
}
