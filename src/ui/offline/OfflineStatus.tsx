import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connection, offlineReady, pendingUpdate } from './registerOffline.ts';

/**
 * One quiet line on offline use: saving the app, saved, or (without a connection) a reminder that
 * the data and the training never leave the page. Empty where there is no service worker; the
 * live region stays in place so a change is announced.
 */
export function OfflineStatus() {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(offlineReady.subscribe, offlineReady.get);
  const online = useSyncExternalStore(connection.subscribe, connection.isOnline);
  const update = useSyncExternalStore(pendingUpdate.subscribe, pendingUpdate.get);
  let text = '';
  if (!online) text = t('offline.offline');
  else if (ready === 'ready') text = t('offline.ready');
  else if (ready === 'installing') text = t('offline.installing');
  else if (ready === 'error') text = t('offline.error');
  return (
    <div role="status" aria-label={t('offline.label')} className="offline-status">
      {text}
      {update && (
        <>
          {' '}
          {t('offline.updateReady')}{' '}
          <button type="button" className="link" onClick={update.apply}>
            {t('offline.reload')}
          </button>
        </>
      )}
    </div>
  );
}
