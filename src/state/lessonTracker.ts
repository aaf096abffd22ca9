/**
 * The open lesson's side of the page state: remembering every run made under it (its checks
 * compare runs, and Reset clears the curves), and its preset's settings and weights, which go
 * over the new table's data-dependent defaults once the table is in.
 */
import type { Lesson } from '../lessons/lesson.ts';
import { withCurrentRun } from '../lessons/runRecord.ts';
import type { AppState } from './store.ts';

interface Store {
  getState(): AppState;
  setState(patch: Partial<AppState>): void;
  subscribe(listener: (state: AppState, previous: AppState) => void): () => void;
}

export function createLessonTracker(store: Store) {
  /** The lesson whose table is loading, and the load that brings it. */
  let pending: { lesson: Lesson; loadId: number } | null = null;
  const unsubscribe = store.subscribe((s, prev) => {
    if (!s.lesson || !s.run) return;
    const moved =
      s.run !== prev.run ||
      s.epochs !== prev.epochs ||
      s.baselines !== prev.baselines ||
      s.diagnostics !== prev.diagnostics ||
      s.thresholds !== prev.thresholds ||
      s.runState !== prev.runState ||
      s.changeMarks !== prev.changeMarks ||
      s.lesson.id !== prev.lesson?.id;
    if (moved) store.setState({ lesson: { ...s.lesson, runs: withCurrentRun(s.lesson.runs, s) } });
  });
  return {
    /** The lesson whose table load `loadId` brings. */
    expect(lesson: Lesson, loadId: number) {
      pending = { lesson, loadId };
    },
    /**
     * Load `loadId` answered. Its own table in: the preset's settings and weights win over the
     * table's defaults. A newer load's table: the lesson's never came, and its preset is dropped.
     */
    tableLoaded(loadId: number) {
      if (!pending || loadId < pending.loadId) return;
      const { lesson, loadId: expected } = pending;
      pending = null;
      if (loadId !== expected) return;
      const { settings, weights } = lesson.preset;
      const s = store.getState();
      store.setState({ settings: { ...s.settings, ...settings }, weights: { ...s.weights, ...weights } });
    },
    /** Load `loadId` was cancelled or failed: a preset waiting for it waits no more. */
    loadEnded(loadId: number) {
      if (pending?.loadId === loadId) pending = null;
    },
    dispose: unsubscribe,
  };
}
