import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** Says that a classroom link hid parts of the page, with a way to show them (hiding is for focus, not a lock). */
export function HiddenNote() {
  const { t } = useTranslation();
  const controller = useController();
  const count = useAppState((s) => s.hidden.length);
  if (count === 0) return null;
  return (
    <p className="hidden-note muted">
      {t('shell.classroom.hiddenNote', { count })}{' '}
      <button type="button" className="link" onClick={() => controller.showEverything()}>
        {t('shell.classroom.showAll')}
      </button>
    </p>
  );
}
