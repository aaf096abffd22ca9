import { describe, expect, it } from 'vitest';
import { parseCsvSync } from '../csv/parseCsv.ts';
import { cellText } from '../csv/table.ts';
import { metricsHistoryCsv } from './metricsHistoryCsv.ts';

describe('metricsHistoryCsv', () => {
  it('writes one row per epoch, split, task and metric, quoting names that need it', () => {
    const csv = metricsHistoryCsv(
      [
        {
          epoch: 1,
          step: 10,
          trainLoss: [0.7, 2],
          val: [
            { loss: 0.6, count: 5, accuracy: 0.8, auc: NaN },
            { loss: 1.5, count: 5, rmse: 3 },
          ],
        },
        {
          epoch: 2,
          step: 20,
          trainLoss: [0.5, 1],
          val: [
            { loss: 0.4, count: 5, accuracy: 0.9, auc: 0.95 },
            { loss: 1.1, count: 5, rmse: 2 },
          ],
        },
      ],
      [
        { name: 'a,b', kind: 'binary', numClasses: 2, classLabels: ['n', 'y'] },
        { name: 'y', kind: 'regression', numClasses: 1, classLabels: [] },
      ],
    );
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('epoch,step,split,task,metric,value');
    expect(lines[1]).toBe('1,10,train,"a,b",loss,0.7');
    expect(lines).toContain('1,10,validation,"a,b",auc,'); // NaN (one class) is left empty
    expect(lines.at(-1)).toBe('2,20,validation,y,rmse,2'); // the last row is a metric the table shows
    expect(lines).toContain('2,20,validation,y,count,5');
    const table = parseCsvSync(csv).table;
    expect(table.rowCount).toBe(lines.length - 1);
    expect(cellText(table.columns[3]!, 0)).toBe('a,b');
  });
});
