import { useMemo } from 'react';
import { setsOwnWeights, STRATEGY_LABELS } from '../../core/weighting/strategies.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { taskColour } from '../palette.ts';
import { NumberField } from './NumberField.tsx';
import { WeightingPicker } from './WeightingPicker.tsx';

/**
 * Per task: a loss-weight slider with a typed entry and an on/off switch, all live while training.
 * Under an automatic strategy the sliders are read-only and follow the weights it chooses.
 */
export function TaskWeights() {
  const controller = useController();
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const weights = useAppState((s) => s.weights);
  const enabled = useAppState((s) => s.enabled);
  const strategy = useAppState((s) => s.settings.weighting.strategy);
  const latest = useAppState((s) => s.latestWeights);
  const runTasks = useAppState((s) => s.run?.tasks);
  const tasks = useMemo(() => targetColumns({ dataset, roles }), [dataset, roles]);
  if (tasks.length === 0) return <p className="muted">Mark at least one column as a target to get a task.</p>;
  const automatic = setsOwnWeights(strategy);
  const shown = (task: string) => {
    if (!automatic) return weights[task] ?? 1;
    const k = runTasks?.findIndex((t) => t.name === task) ?? -1;
    return k >= 0 && latest ? (latest[k] ?? 1) : enabled[task] === false ? 0 : 1;
  };
  return (
    <fieldset className="weights">
      <legend>Task loss weights</legend>
      <WeightingPicker />
      <div className="weight-rows">
        {tasks.map((task, k) => {
          const w = shown(task);
          const on = enabled[task] ?? true;
          return (
            <div key={task} className="weight-row">
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  aria-label={`Train ${task}`}
                  checked={on}
                  onChange={(e) => controller.setTaskEnabled(task, e.target.checked)}
                />
                <span className="swatch" style={{ background: taskColour(k) }} aria-hidden="true" />
                <span className="task-name">{task}</span>
              </label>
              <input
                type="range"
                aria-label={`Weight of ${task}`}
                aria-readonly={automatic}
                aria-valuetext={automatic ? `${w.toFixed(2)}, chosen by ${STRATEGY_LABELS[strategy]}` : w.toFixed(2)}
                min={0}
                max={5}
                step={0.05}
                value={Math.min(w, 5)}
                disabled={automatic || !on}
                style={{ accentColor: taskColour(k) }}
                onChange={(e) => controller.setWeight(task, Number(e.target.value))}
              />
              <NumberField
                label={`Weight of ${task} value`}
                hideLabel
                value={Number(w.toFixed(3))}
                min={0}
                max={5}
                step={0.05}
                disabled={automatic || !on}
                onCommit={(v) => controller.setWeight(task, v)}
              />
            </div>
          );
        })}
      </div>
      <p className="muted">
        {automatic
          ? `${STRATEGY_LABELS[strategy]} sets the weights; the sliders show them. Switch a task off to leave it out.`
          : 'Total loss = Σ weight × task loss. At 0, or switched off, a task does not train its head.'}
      </p>
    </fieldset>
  );
}
