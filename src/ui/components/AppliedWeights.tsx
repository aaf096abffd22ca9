import { setsOwnWeights } from '../../core/weighting/strategies.ts';
import { useAppState } from '../../state/store.ts';

/** The weights the worker confirmed (Manual), or the ones the strategy uses now, next to the curves. */
export function AppliedWeights() {
  const run = useAppState((s) => s.run);
  const applied = useAppState((s) => s.appliedWeights);
  const latest = useAppState((s) => s.latestWeights);
  const strategy = useAppState((s) => s.settings.weighting.strategy);
  const enabled = useAppState((s) => s.enabled);
  const tasks = run?.tasks ?? [];
  let text = '';
  if (tasks.length > 0) {
    if (setsOwnWeights(strategy) && latest)
      text = `Weights in use: ${tasks.map((t, k) => `${t.name} ${(latest[k] ?? 0).toFixed(2)}`).join(' · ')}`;
    else if (applied)
      text = `Weights in force since step ${applied.step}: ${tasks.map((t, k) => `${t.name} ${(applied.enabled[k] === false ? 0 : (applied.weights[k] ?? 1)).toFixed(2)}`).join(' · ')}`;
    else
      text = `Weights in force: ${tasks.map((t) => `${t.name} ${enabled[t.name] === false ? '0.00' : '1.00'}`).join(' · ')}`;
  }
  return (
    <p className="applied-weights" role="status" aria-label="Applied weights">
      {text}
    </p>
  );
}
