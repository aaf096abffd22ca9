import type { Hideable } from '../../state/classroom.ts';
import { useAppState } from '../../state/store.ts';

/** Whether a classroom link hid this panel or control (it is then not drawn; nothing else changes). */
export function useHidden(id: Hideable): boolean {
  return useAppState((s) => s.hidden.includes(id));
}
