import { startTransition, useEffect, useState, type RefObject } from 'react';
import { appStore, type AppState } from '../../state/store.ts';

/**
 * A store value rendered as a transition: React may split the render into slices and yield to
 * input in between, so a heavy chart redraw never blocks the page for long. (Zustand's regular
 * hook renders synchronously, which is right for controls but not for charts.)
 *
 * With `visibleRef`, a chart out of sight does not redraw while training runs: the value is held
 * until the element scrolls into view or the run stops, so the panels below the playground cost
 * nothing while a person watches the playground.
 */
/**
 * While training runs, at most one redraw this often: a transition that a newer value interrupts
 * starts over, so values arriving faster than a chart renders (a fused engine finishes an epoch of
 * a small network every few tens of milliseconds) would otherwise never let it draw at all.
 */
const RUNNING_REDRAW_MS = 400;

export function useDeferredStoreValue<T>(selector: (s: AppState) => T, visibleRef?: RefObject<Element | null>): T {
  const [value, setValue] = useState(() => selector(appStore.getState()));
  useEffect(() => {
    let shown = selector(appStore.getState());
    let visible = true;
    let lastMs = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const sync = () => {
      const state = appStore.getState();
      const next = selector(state);
      if (Object.is(next, shown)) return;
      const running = state.runState === 'running';
      if (!visible && running) return;
      const waitMs = running ? lastMs + RUNNING_REDRAW_MS - performance.now() : 0;
      if (waitMs > 0) {
        timer ??= setTimeout(() => {
          timer = null;
          sync();
        }, waitMs);
        return;
      }
      lastMs = performance.now();
      shown = next;
      startTransition(() => setValue(next));
    };
    const unsubscribe = appStore.subscribe(sync);
    const element = visibleRef?.current;
    let observer: IntersectionObserver | null = null;
    if (element && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver((entries) => {
        visible = entries.some((e) => e.isIntersecting);
        if (visible) sync();
      });
      observer.observe(element);
    }
    return () => {
      unsubscribe();
      observer?.disconnect();
      if (timer) clearTimeout(timer);
    };
    // The selector is a stable module-level function at every call site; the ref is stable too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
