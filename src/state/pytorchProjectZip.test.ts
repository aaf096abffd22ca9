import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pytorchProjectZip } from './pytorchProjectZip.ts';
import { TEMPLATE_FILES } from './pytorchTemplate.ts';

describe('the PyTorch project zip', () => {
  it("holds the template's files, the run's files and the metrics, each at the root", async () => {
    const template = {
      '/pytorch/project/train.py': async () => 'print("train")\n',
      '/pytorch/project/README.md': async () => '# Project\n',
    };
    const zip = await pytorchProjectZip({ 'config.json': '{"version":1}\n' }, 'epoch,step\n', template);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'browser-metrics.csv', 'config.json', 'train.py']);
    expect(strFromU8(files['train.py'] as Uint8Array)).toBe('print("train")\n');
    expect(strFromU8(files['config.json'] as Uint8Array)).toBe('{"version":1}\n');
    expect(strFromU8(files['browser-metrics.csv'] as Uint8Array)).toBe('epoch,step\n');
  });

  it('finds the template in pytorch/project as text (its files, nothing below them)', async () => {
    for (const [path, load] of Object.entries(TEMPLATE_FILES)) {
      expect(path).toMatch(/^\/pytorch\/project\/[^/]+$/);
      expect(typeof (await load())).toBe('string');
    }
    const names = Object.keys(unzipSync(await pytorchProjectZip({}, '')));
    const templateNames = Object.keys(TEMPLATE_FILES).map((p) => p.slice('/pytorch/project/'.length));
    expect(names).toEqual(
      expect.arrayContaining(['browser-metrics.csv', ...templateNames.filter((n) => !n.endsWith('.pyc'))]),
    );
  });
});
