import { useMemo } from 'react';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/** One loss-weight slider per task; changes reach the worker while it trains. */
export function TaskWeights() {
  const controller = useController();
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const weights = useAppState((s) => s.weights);
  const tasks = useMemo(() => targetColumns({ dataset, roles }), [dataset, roles]);
  if (tasks.length === 0) return <p className="muted">Mark at least one column as a target to get a task.</p>;
  return (
    <fieldset className="weights">
      <legend>Task loss weights</legend>
      {tasks.map((task) => {
        const w = weights[task] ?? 1;
        return (
          <div key={task} className="weight-row">
            <label htmlFor={`weight-${task}`}>{task}</label>
            <input
              id={`weight-${task}`}
              type="range"
              aria-label={`Weight of ${task}`}
              min={0}
              max={5}
              step={0.05}
              value={w}
              onChange={(e) => controller.setWeight(task, Number(e.target.value))}
            />
            <output htmlFor={`weight-${task}`}>{w.toFixed(2)}</output>
          </div>
        );
      })}
      <p className="muted">The total loss is Σ weight × task loss. At 0 a task is off: its head stops training.</p>
    </fieldset>
  );
}
