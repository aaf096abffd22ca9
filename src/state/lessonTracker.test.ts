import { describe, expect, it } from 'vitest';
import { lessonById } from '../lessons/lessons.ts';
import { createLessonTracker } from './lessonTracker.ts';
import { initialState, type AppState } from './store.ts';

/** The tracker on a plain state holder (it only reads, patches and subscribes). */
function tracked() {
  let state: AppState = {
    ...initialState,
    settings: { ...initialState.settings, standardizeTargets: true, epochs: 30 },
  };
  const tracker = createLessonTracker({
    getState: () => state,
    setState: (patch) => (state = { ...state, ...patch }),
    subscribe: () => () => {},
  });
  return { tracker, state: () => state };
}

// Loss scales: weather with standardised targets off and 15 epochs.
const lesson = lessonById('lossScales');

describe('lessonTracker', () => {
  it("applies the preset on its own load's table only, once", () => {
    const { tracker, state } = tracked();
    if (!lesson) throw new Error('no lossScales lesson');
    tracker.expect(lesson, 2);
    tracker.tableLoaded(1); // the page's first sample, asked for before the lesson
    expect(state().settings).toMatchObject({ standardizeTargets: true, epochs: 30 });
    tracker.tableLoaded(2);
    expect(state().settings).toMatchObject({ standardizeTargets: false, epochs: 15 });
  });

  it('a newer load, or the end of its own, drops the waiting preset', () => {
    if (!lesson) throw new Error('no lossScales lesson');
    const newer = tracked();
    newer.tracker.expect(lesson, 2);
    newer.tracker.tableLoaded(3); // a file picked before the lesson's table came
    newer.tracker.tableLoaded(2);
    expect(newer.state().settings).toMatchObject({ standardizeTargets: true, epochs: 30 });
    const cancelled = tracked();
    cancelled.tracker.expect(lesson, 2);
    cancelled.tracker.loadEnded(2);
    cancelled.tracker.tableLoaded(3);
    expect(cancelled.state().settings).toMatchObject({ standardizeTargets: true, epochs: 30 });
  });
});
