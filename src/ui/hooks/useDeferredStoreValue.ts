import { startTransition, useEffect, useState } from 'react';
import { appStore, type AppState } from '../../state/store.ts';

/**
 * A store value rendered as a transition: React may split the render into slices and yield to
 * input in between, so a heavy chart redraw never blocks the page for long. (Zustand's regular
 * hook renders synchronously, which is right for controls but not for charts.)
 */
export function useDeferredStoreValue<T>(selector: (s: AppState) => T): T {
  const [value, setValue] = useState(() => selector(appStore.getState()));
  useEffect(() => {
    let last = selector(appStore.getState());
    return appStore.subscribe((state) => {
      const next = selector(state);
      if (Object.is(next, last)) return;
      last = next;
      startTransition(() => setValue(next));
    });
    // The selector is a stable module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
