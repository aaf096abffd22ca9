import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** The one place problems are said: role alert, text only (never markup from a file). */
export function AlertBanner() {
  const alert = useAppState((s) => s.alert);
  const controller = useController();
  if (!alert) return null;
  return (
    <div className="alert" role="alert">
      <span>{alert}</span>
      <button type="button" className="link" onClick={() => controller.dismissAlert()}>
        Dismiss
      </button>
    </div>
  );
}
