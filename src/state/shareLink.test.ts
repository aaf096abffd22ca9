import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings/settingsTable.ts';
import { readShareLink, shareLinkFor } from './shareLink.ts';

describe('share links', () => {
  it('round-trip the sample and the changed settings, and nothing else', () => {
    const settings = {
      ...defaultSettings(),
      learningRate: 0.01,
      trunk: [{ units: 16, activation: 'tanh' as const, dropout: 0 }],
    };
    const link = shareLinkFor('http://127.0.0.1:4317/#old', 'iris', settings);
    expect(link.startsWith('http://127.0.0.1:4317/#')).toBe(true);
    expect(link).not.toContain('old');
    expect(readShareLink(new URL(link).hash)).toEqual({ sampleId: 'iris', settings, problems: [] });
    expect(readShareLink('')).toBeNull();
  });

  it('hostile, truncated, huge, unknown-sample or old links give messages and the defaults', () => {
    const cases: [string, RegExp][] = [
      ['#sample=nope', /does not have/],
      ['#batch=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /Batch size must be a number/],
      ['#trunk=%5B%7B', /Trunk in the link is not readable/],
      [`#${'x'.repeat(200_000)}`, /too long/],
      ['#v=0&epochs=3', /another version/],
      ['#sample=correlated&corr=7', /between −1 and 1/],
    ];
    for (const [hash, message] of cases) {
      const read = readShareLink(hash);
      expect(read?.problems.join(' '), hash).toMatch(message);
      expect(read?.settings.batchSize).toBe(defaultSettings().batchSize);
    }
  });
});
