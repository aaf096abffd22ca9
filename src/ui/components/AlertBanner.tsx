import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../i18n/renderMessage.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** The one place problems are said: role alert, text only (never markup from a file). */
export function AlertBanner() {
  const { t } = useTranslation();
  const alert = useAppState((s) => s.alert);
  const controller = useController();
  if (!alert) return null;
  return (
    <div className="alert" role="alert">
      <span>{renderMessage(t, alert)}</span>
      <button type="button" className="link" onClick={() => controller.dismissAlert()}>
        {t('app.alert.dismiss')}
      </button>
    </div>
  );
}
