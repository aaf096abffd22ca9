/**
 * What the page keeps of a long run: a run until paused makes an epoch a second on a mid-size
 * table and dozens a second on a small one, and a learned weighting changes the weights every
 * step, so every history the page holds is bounded. Like TensorBoard's sampled scalars, the
 * recent past is kept whole and the older past thinned; the first item and any the caller
 * names (the best epoch) always stay.
 */

/** Epochs kept at most, and how many of the latest always stay whole (the per-epoch table shows 500). */
export const MAX_EPOCHS = 1000;
export const RECENT_EPOCHS = 500;
/** The change markers drawn on the loss curves: the latest this many (more would cover the curves). */
export const MAX_CHANGE_MARKS = 100;

/**
 * `items` when it holds at most `max`; else the first, the `recent` last ones, those `keep` names,
 * and of the older ones those whose `position` (the epoch number) falls on an even grid: every
 * 2nd, 4th, 8th… one, the finest grid that fits. The older past thus stays evenly sampled from
 * the start, and the length stays between about max/2 and max (for recent ≤ max/2).
 */
export function thinOlder<T>(
  items: readonly T[],
  max: number,
  recent: number,
  position: (item: T) => number,
  keep: (item: T) => boolean = () => false,
): T[] {
  if (items.length <= max) return items as T[];
  const olderEnd = items.length - recent;
  const kept = (stride: number) =>
    items.filter((item, i) => i === 0 || i >= olderEnd || keep(item) || position(item) % stride === 0);
  const last = position(items[items.length - 1] as T);
  let stride = 2;
  let out = kept(stride);
  // Past the last position no older item is left to drop (the kept ones alone may exceed max).
  while (out.length > max && stride <= last) out = kept((stride *= 2));
  return out;
}

/** The latest `max` items. */
export function latest<T>(items: readonly T[], max: number): T[] {
  return items.length <= max ? (items as T[]) : items.slice(-max);
}
