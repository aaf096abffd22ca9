/**
 * What a classroom link may hide: whole panels and a few controls. Hiding only stops drawing
 * them; the store, the worker and every other panel keep working (results another panel shows
 * are computed whether or not the panel that makes them is drawn). A lesson names what it needs,
 * and a link never hides that.
 */
export const HIDEABLE = [
  'upload',
  'samples',
  'backend',
  'weighting',
  'share',
  'panel-data',
  'panel-model',
  'panel-results',
  'panel-diagnostics',
  'panel-sharing',
  'panel-keep',
  'glossary',
] as const;

export type Hideable = (typeof HIDEABLE)[number];

export const isHideable = (id: string): id is Hideable => (HIDEABLE as readonly string[]).includes(id);

/** What each lesson's steps ask the person to use (so a classroom link cannot hide it). */
export const LESSON_NEEDS: Record<string, readonly Hideable[]> = {
  relatedTasks: ['samples', 'panel-sharing'],
  conflict: ['panel-sharing', 'panel-model', 'weighting'],
  lossScales: ['weighting'],
  imbalance: ['panel-diagnostics', 'panel-data'],
  overfitting: ['panel-model', 'panel-results'],
  singleVsMulti: ['panel-sharing', 'panel-model', 'weighting'],
};
