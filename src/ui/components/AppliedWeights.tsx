import { useTranslation } from 'react-i18next';
import { setsOwnWeights } from '../../core/weighting/strategies.ts';
import { useAppState } from '../../state/store.ts';

/** The weights the worker confirmed (Manual), or the ones the strategy uses now, next to the curves. */
export function AppliedWeights() {
  const { t } = useTranslation();
  const run = useAppState((s) => s.run);
  const applied = useAppState((s) => s.appliedWeights);
  const latest = useAppState((s) => s.latestWeights);
  const strategy = useAppState((s) => s.settings.weighting.strategy);
  const enabled = useAppState((s) => s.enabled);
  const tasks = run?.tasks ?? [];
  let text = '';
  if (tasks.length > 0) {
    if (setsOwnWeights(strategy) && latest)
      text = t('playground.appliedWeights.inUse', {
        weights: tasks.map((task, k) => `${task.name} ${(latest[k] ?? 0).toFixed(2)}`).join(' · '),
      });
    else if (applied)
      text = t('playground.appliedWeights.sinceStep', {
        step: applied.step,
        weights: tasks
          .map((task, k) => `${task.name} ${(applied.enabled[k] === false ? 0 : (applied.weights[k] ?? 1)).toFixed(2)}`)
          .join(' · '),
      });
    else
      text = t('playground.appliedWeights.inForce', {
        weights: tasks.map((task) => `${task.name} ${enabled[task.name] === false ? '0.00' : '1.00'}`).join(' · '),
      });
  }
  return (
    <p className="applied-weights" role="status" aria-label={t('playground.appliedWeights.label')}>
      {text}
    </p>
  );
}
