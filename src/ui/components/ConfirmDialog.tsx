import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../i18n/renderMessage.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** Asks before a change discards the trained weights. */
export function ConfirmDialog() {
  const { t } = useTranslation();
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
      <h2 id="confirm-title">{t('app.confirm.title')}</h2>
      <p>{pending && renderMessage(t, pending.message)}</p>
      <div className="buttons">
        <button type="button" className="primary" onClick={() => controller.confirmPendingChange(true)}>
          {t('app.confirm.discard')}
        </button>
        <button type="button" onClick={() => controller.confirmPendingChange(false)}>
          {t('app.confirm.keep')}
        </button>
      </div>
    </dialog>
  );
}
