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
export function useDeferredStoreValue<T>(selector: (s: AppState) => T, visibleRef?: RefObject<Element | null>): T {
  const [value, setValue] = useState(() => selector(appStore.getState()));
  useEffect(() => {
    let shown = selector(appStore.getState());
    let visible = true;
    const sync = () => {
      const state = appStore.getState();
      const next = selector(state);
      if (Object.is(next, shown)) return;
      if (!visible && state.runState === 'running') return;
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
    };
    // The selector is a stable module-level function at every call site; the ref is stable too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
