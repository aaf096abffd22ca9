import { useEffect } from 'react';
import type { Controller } from '../../state/controller.ts';
import { appStore } from '../../state/store.ts';

/** Elements whose own keys (typing, arrows, Space to press) must not be taken over. */
const INTERACTIVE = 'input, select, textarea, button, a[href], summary, [contenteditable], [role="slider"], dialog';

/**
 * Space = Train / Pause, → = one Step while paused: on the page itself, never while a field,
 * button, slider or dialog has the focus (their keys are theirs).
 */
export function useKeyboardShortcuts(controller: Controller): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const target = e.target as Element | null;
      if (target?.closest?.(INTERACTIVE)) return;
      const { runState, dataset, datasetLoading, baselines, pendingChange } = appStore.getState();
      if (!dataset || datasetLoading || pendingChange || baselines?.status === 'running') return;
      if (e.key === ' ') {
        e.preventDefault();
        if (runState === 'running') controller.pause();
        else controller.train();
      } else if (e.key === 'ArrowRight' && runState !== 'running') {
        e.preventDefault();
        controller.step();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [controller]);
}
