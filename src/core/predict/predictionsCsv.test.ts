import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { predictionColumns } from './predictionColumns.ts';
import { predictionsCsv } from './predictionsCsv.ts';

describe('predictions', () => {
  const tasks = [
    { name: 'rain', kind: 'binary' as const, numClasses: 2, classLabels: ['dry', 'wet'] },
    { name: 'sky', kind: 'multiclass' as const, numClasses: 3, classLabels: ['sun', 'fog, thick', 'cloud'] },
    { name: 'temp', kind: 'regression' as const, numClasses: 1, classLabels: [] },
  ];
  const scales = [
    { mean: 0, std: 1 },
    { mean: 0, std: 1 },
    { mean: 20, std: 5 },
  ];
  const outputs = [Float32Array.of(0.25, 0.5), Float32Array.of(0.1, 0.7, 0.2, 0.5, 0.2, 0.3), Float32Array.of(-1, 0.5)];

  it('says per task the class and its probabilities, and regression values in the target units', () => {
    const columns = predictionColumns(tasks, scales, outputs, 2);
    const csv = predictionsCsv(columns, 2);
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual(['row', 'rain', 'rain_p', 'sky', 'sky_p_sun', 'sky_p_fog, thick', 'sky_p_cloud', 'temp']);
    // p = 0.5 is the positive class (the threshold is inclusive); temp = z · 5 + 20.
    expect(rows[1]).toEqual([
      '1',
      'dry',
      '0.25',
      'fog, thick',
      String(Math.fround(0.1)),
      String(Math.fround(0.7)),
      String(Math.fround(0.2)),
      '15',
    ]);
    expect(rows[2]).toEqual([
      '2',
      'wet',
      '0.5',
      'sun',
      '0.5',
      String(Math.fround(0.2)),
      String(Math.fround(0.3)),
      '22.5',
    ]);
    expect(csv).toContain('"fog, thick"'); // quoted, so the comma stays in its cell
  });
});
