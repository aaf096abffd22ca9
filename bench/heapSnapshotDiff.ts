/**
 * What a page holds more of in heap snapshot B than in A, by node type and constructor (React
 * fibers show under their minified class name; DOM and SVG nodes as `native`). Written for the
 * soak's heap question; bench/heapDiff.spec.ts takes the two snapshots.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}
type Totals = Map<string, { count: number; bytes: number }>;
export type DiffRow = [key: string, count: number, bytes: number];

/** Count and self size per "type name" of a V8 heap snapshot file. */
export function heapTotals(path: string): Totals {
  const s = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const width = fields.length;
  const [ti, ni, si] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const totals: Totals = new Map();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + ti] as number] ?? '?';
    let name = String(s.strings[s.nodes[i + ni] as number]);
    if (type.includes('string')) name = '(string)';
    else if (type === 'number') name = '(number)';
    else name = name.slice(0, 60);
    const key = `${type} ${name}`;
    const t = totals.get(key) ?? { count: 0, bytes: 0 };
    t.count++;
    t.bytes += s.nodes[i + si] as number;
    totals.set(key, t);
  }
  return totals;
}

/** Rows [key, count difference, bytes difference], largest growth first. */
export function heapDiff(pathA: string, pathB: string): DiffRow[] {
  const a = heapTotals(pathA);
  const b = heapTotals(pathB);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const zero = { count: 0, bytes: 0 };
  return [...keys]
    .map((k): DiffRow => [
      k,
      (b.get(k) ?? zero).count - (a.get(k) ?? zero).count,
      (b.get(k) ?? zero).bytes - (a.get(k) ?? zero).bytes,
    ])
    .sort((x, y) => y[2] - x[2]);
}

export function formatHeapDiff(rows: DiffRow[], shown = 30): string {
  const total = rows.reduce((sum, r) => sum + r[2], 0);
  const lines = [`self size, B − A: ${(total / 1e6).toFixed(2)} MB`, '     bytes    count  node'];
  for (const [key, count, bytes] of rows.slice(0, shown))
    lines.push(`${String(bytes).padStart(10)} ${String(count).padStart(8)}  ${key}`);
  return lines.join('\n');
}
