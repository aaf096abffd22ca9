import { useState } from 'react';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** Copies a link to the current setup (sample and settings, never the data); shows it when copying is not allowed. */
export function ShareLink() {
  const controller = useController();
  const uploaded = useAppState((s) => s.datasetFromFile);
  const [shown, setShown] = useState<{ link: string; copied: boolean } | null>(null);
  const copy = async () => {
    const link = controller.shareLink(window.location.href);
    // Without clipboard permission (or on an insecure page) the link is shown to copy by hand.
    const copied = navigator.clipboard
      ? await navigator.clipboard.writeText(link).then(
          () => true,
          () => false,
        )
      : false;
    setShown({ link, copied });
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void copy()}>
        Copy share link
      </button>
      {shown && (
        <span role="status" aria-label="Share link" className="muted">
          {shown.copied ? 'Link copied.' : 'Copy this link:'}{' '}
          <input
            type="text"
            readOnly
            value={shown.link}
            aria-label="Link to this setup"
            onFocus={(e) => e.target.select()}
          />
          {uploaded && ' It holds the settings only: your file stays with you.'}
        </span>
      )}
    </div>
  );
}
