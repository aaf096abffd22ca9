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
  let pending: Lesson | null = null;
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
    /** The lesson whose table is loading. */
    expect(lesson: Lesson) {
      pending = lesson;
    },
    /** The table is in: the preset's settings and weights win over its defaults. */
    tableLoaded() {
      if (!pending) return;
      const { settings, weights } = pending.preset;
      pending = null;
      const s = store.getState();
      store.setState({ settings: { ...s.settings, ...settings }, weights: { ...s.weights, ...weights } });
    },
    dispose: unsubscribe,
  };
}
