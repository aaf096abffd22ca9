import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { STRATEGY_NAMES } from './strategyNames.ts';
import { useHidden } from '../classroom/useHidden.ts';
import { setsOwnWeights } from '../../core/weighting/strategies.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { taskColour } from '../palette.ts';
import { NumberField } from './NumberField.tsx';
import { WeightingPicker } from './WeightingPicker.tsx';
import { TermHelp } from '../glossary/TermHelp.tsx';

/**
 * Per task: a loss-weight slider with a typed entry and an on/off switch, all live while training.
 * Under an automatic strategy the sliders are read-only and follow the weights it chooses.
 */
export function TaskWeights() {
  const weightingHidden = useHidden('weighting');
  const { t } = useTranslation();
  const controller = useController();
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const weights = useAppState((s) => s.weights);
  const enabled = useAppState((s) => s.enabled);
  const strategy = useAppState((s) => s.settings.weighting.strategy);
  const latest = useAppState((s) => s.latestWeights);
  const runTasks = useAppState((s) => s.run?.tasks);
  const tasks = useMemo(() => targetColumns({ dataset, roles }), [dataset, roles]);
  if (tasks.length === 0) return <p className="muted">{t('playground.taskWeights.noTasks')}</p>;
  const automatic = setsOwnWeights(strategy);
  const strategyName = t(STRATEGY_NAMES[strategy]);
  const shown = (task: string) => {
    if (!automatic) return weights[task] ?? 1;
    const k = runTasks?.findIndex((r) => r.name === task) ?? -1;
    return k >= 0 && latest ? (latest[k] ?? 1) : enabled[task] === false ? 0 : 1;
  };
  return (
    // The help sits in the legend's line (a line of its own cost a weight row at 1366×768); the
    // group's name stays the legend's words.
    <fieldset className="weights" aria-label={t('playground.taskWeights.legend')}>
      <legend>
        {t('playground.taskWeights.legend')}
        <TermHelp term="lossWeight" />
      </legend>
      {!weightingHidden && <WeightingPicker />}
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
                  aria-label={t('playground.taskWeights.trainTask', { task })}
                  checked={on}
                  onChange={(e) => controller.setTaskEnabled(task, e.target.checked)}
                />
                <span className="swatch" style={{ background: taskColour(k) }} aria-hidden="true" />
                <span className="task-name">{task}</span>
              </label>
              <input
                type="range"
                aria-label={t('playground.taskWeights.weightOf', { task })}
                aria-readonly={automatic}
                aria-valuetext={
                  automatic
                    ? t('playground.taskWeights.chosenBy', { weight: w.toFixed(2), strategy: strategyName })
                    : w.toFixed(2)
                }
                min={0}
                max={5}
                step={0.05}
                value={Math.min(w, 5)}
                disabled={automatic || !on}
                style={{ accentColor: taskColour(k) }}
                onChange={(e) => controller.setWeight(task, Number(e.target.value))}
              />
              <NumberField
                label={t('playground.taskWeights.weightValue', { task })}
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
          ? t('playground.taskWeights.automaticNote', { strategy: strategyName })
          : t('playground.taskWeights.manualNote')}
      </p>
    </fieldset>
  );
}
