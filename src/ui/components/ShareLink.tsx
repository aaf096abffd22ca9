import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { copyText } from '../copyText.ts';

/** Copies a link to the current setup (sample and settings, never the data); shows it when copying is not allowed. */
export function ShareLink() {
  const { t } = useTranslation();
  const controller = useController();
  const uploaded = useAppState((s) => s.datasetFromFile);
  const [shown, setShown] = useState<{ link: string; copied: boolean } | null>(null);
  const copy = async () => {
    const link = controller.shareLink(window.location.href);
    setShown({ link, copied: await copyText(link) });
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void copy()}>
        {t('app.share.copy')}
      </button>
      {shown && (
        <span role="status" aria-label={t('app.share.status')} className="muted">
          {shown.copied ? t('app.share.copied') : t('app.share.copyThis')}{' '}
          <input
            type="text"
            readOnly
            value={shown.link}
            aria-label={t('app.share.link')}
            onFocus={(e) => e.target.select()}
          />
          {uploaded && ` ${t('app.share.settingsOnly')}`}
        </span>
      )}
    </div>
  );
}
