import { describe, expect, it } from 'vitest';
import { latest, thinOlder } from './boundedHistory.ts';

describe('thinOlder', () => {
  it('keeps everything up to the limit, the same array', () => {
    const items = [1, 2, 3];
    expect(thinOlder(items, 3, 1, (x) => x)).toBe(items);
  });

  it('appending 10,000 items one by one: between max/2 and max kept, the first, the named and the recent ones whole, in order', () => {
    let kept: number[] = [];
    const best = 1234;
    for (let i = 1; i <= 10_000; i++) {
      kept = thinOlder(
        [...kept, i],
        1000,
        500,
        (x) => x,
        (x) => x === best,
      );
      expect(kept.length).toBeLessThanOrEqual(1000);
    }
    expect(kept.length).toBeGreaterThanOrEqual(500);
    expect(kept[0]).toBe(1);
    expect(kept).toContain(best);
    expect(kept.slice(-500)).toEqual(Array.from({ length: 500 }, (_, i) => 9501 + i));
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    // The older past is sampled from the start on one grid (a power of two), finer only towards
    // the recent stretch: no gap longer than the first, and the gaps never widen going forward.
    const older = kept.filter((x) => x !== best && x !== 1).slice(0, -500);
    const stride = older[0] as number;
    expect(Math.log2(stride) % 1).toBe(0);
    expect(stride).toBeLessThanOrEqual(32);
    const gaps = [...older, 9501].slice(1).map((x, i) => x - (older[i] as number));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThanOrEqual(gaps[i - 1] as number);
  });
});

describe('latest', () => {
  it('the last max items', () => {
    expect(latest([1, 2, 3, 4], 2)).toEqual([3, 4]);
    const few = [1];
    expect(latest(few, 2)).toBe(few);
  });
});
