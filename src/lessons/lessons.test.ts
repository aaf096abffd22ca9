/**
 * Every lesson's claim holds on its preset with its seed: each lesson is played in Node as a
 * person would play it (open it, train, do what its steps ask) and every step's check must turn
 * to done. The measured values are printed (they are the README's lesson table).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainSettings } from '../core/settings/settingsTable.ts';
import { DEFAULT_WEIGHTING } from '../core/weighting/strategies.ts';
import { createI18n } from '../i18n/i18n.ts';
import { renderMessage } from '../i18n/renderMessage.ts';
import { LESSONS } from './lessons.ts';
import { openLesson, rehearse, type Rehearsal } from './testing/rehearsal.ts';

const t = createI18n('en').t;
let r: Rehearsal | null = null;
afterEach(() => r?.dispose());

/** A setting that would discard the trained weights is confirmed, as the page's dialog asks. */
function change(rh: Rehearsal, patch: Partial<TrainSettings>) {
  rh.controller.setSettings(patch);
  if (rh.state().pendingChange) rh.controller.confirmPendingChange(true);
}

function report(rh: Rehearsal, step: number) {
  const outcome = rh.outcomes()[step];
  const text = outcome?.detail ? renderMessage(t, outcome.detail) : 'not measured';
  console.log(`${rh.state().lesson?.id} step ${step + 1}: ${outcome?.done ? '✓' : '✗'} ${text}`);
  return outcome;
}

const plays: Record<string, (rh: Rehearsal) => Promise<void>> = {
  relatedTasks: async (rh) => {
    await rh.trainToEnd();
    await rh.baselines();
    expect(report(rh, 0)?.done).toBe(true);
    rh.controller.loadSample('correlated', { correlation: 0 });
    await rh.until((s) => !s.datasetLoading && s.sampleCorrelation === 0, 'the uncorrelated table');
    await rh.trainToEnd();
    await rh.baselines();
    expect(report(rh, 1)?.done).toBe(true);
  },
  conflict: async (rh) => {
    await rh.trainToEnd();
    expect(report(rh, 0)?.done).toBe(true);
    rh.controller.reset();
    change(rh, { experts: 4 });
    await rh.trainToEnd();
    expect(report(rh, 1)?.done).toBe(true);
  },
  lossScales: async (rh) => {
    await rh.trainToEnd();
    expect(report(rh, 0)?.done).toBe(true);
    rh.controller.setWeighting({ ...DEFAULT_WEIGHTING, strategy: 'uncertainty' });
    change(rh, { epochs: 30 });
    await rh.trainToEnd();
    expect(report(rh, 1)?.done).toBe(true);
  },
  imbalance: async (rh) => {
    await rh.trainToEnd();
    rh.controller.setThreshold('clicked', 0.2);
    expect(report(rh, 0)?.done).toBe(true);
    rh.controller.reset();
    rh.controller.setBalanceClasses('clicked', true);
    await rh.trainToEnd();
    expect(report(rh, 1)?.done).toBe(true);
  },
  overfitting: async (rh) => {
    await rh.trainToEnd();
    expect(report(rh, 0)?.done).toBe(true);
    rh.controller.reset();
    rh.controller.setEarlyStopping({ enabled: true, monitor: 'total', patience: 3 });
    await rh.trainToEnd();
    expect(report(rh, 1)?.done).toBe(true);
  },
  singleVsMulti: async (rh) => {
    await rh.trainToEnd();
    await rh.baselines();
    expect(report(rh, 0)?.done).toBe(true);
    rh.controller.reset();
    change(rh, { experts: 4 });
    await rh.trainToEnd();
    await rh.baselines();
    expect(report(rh, 1)?.done).toBe(true);
  },
};

describe('lessons', () => {
  it('each has a rehearsal', () => {
    expect(Object.keys(plays).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });
  for (const lesson of LESSONS)
    it(`${lesson.id}: every step's check turns to done on its preset`, { timeout: 900_000 }, async () => {
      r = rehearse(lesson.id);
      await openLesson(r, lesson.id);
      await plays[lesson.id]?.(r);
      expect(r.outcomes().every((o) => o.done)).toBe(true);
    });
});
