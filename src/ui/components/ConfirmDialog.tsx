import { useEffect, useRef } from 'react';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** Asks before a change discards the trained weights. */
export function ConfirmDialog() {
  const controller = useController();
  const pending = useAppState((s) => s.pendingChange);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" onCancel={() => controller.confirmPendingChange(false)}>
      <h2 id="confirm-title">Discard the trained weights?</h2>
      <p>{pending?.message}</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => controller.confirmPendingChange(true)}>
          Discard and apply
        </button>
        <button type="button" onClick={() => controller.confirmPendingChange(false)}>
          Keep training
        </button>
      </div>
    </dialog>
  );
}
