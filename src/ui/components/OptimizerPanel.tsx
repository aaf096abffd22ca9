import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OPTIMIZER_LABELS, type OptimizerKind } from '../../core/train/optimizerKinds.ts';
import type { ScheduleKind } from '../../core/train/schedules.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { NumberField } from './NumberField.tsx';

const SCHEDULES = [
  { value: 'constant', label: 'model.optimiser.schedules.constant' },
  { value: 'step', label: 'model.optimiser.schedules.step' },
  { value: 'exponential', label: 'model.optimiser.schedules.exponential' },
  { value: 'cosine', label: 'model.optimiser.schedules.cosine' },
] as const satisfies readonly { value: ScheduleKind; label: string }[];

/** Each optimiser's name (the English ones are the core's OPTIMIZER_LABELS, whose order the list keeps). */
const OPTIMIZER_NAMES = {
  sgd: 'model.optimiser.kinds.sgd',
  momentum: 'model.optimiser.kinds.momentum',
  rmsprop: 'model.optimiser.kinds.rmsprop',
  adam: 'model.optimiser.kinds.adam',
} as const satisfies Record<OptimizerKind, string>;

/** Optimiser, learning-rate schedule, regularisation, gradient clipping and early stopping. */
export function OptimizerPanel() {
  const { t } = useTranslation();
  const controller = useController();
  const s = useAppState((st) => st.settings);
  const dataset = useAppState((st) => st.dataset);
  const roles = useAppState((st) => st.roles);
  const tasks = useMemo(() => targetColumns({ dataset, roles }), [dataset, roles]);
  const schedule = s.schedule;
  const setSchedule = (patch: Partial<typeof schedule>) =>
    controller.setSettings({ schedule: { ...schedule, ...patch } });
  return (
    <details className="optimizer-panel">
      <summary>{t('model.optimiser.summary')}</summary>
      <div className="fields">
        <label>
          {t('model.optimiser.optimizer')}
          <select
            value={s.optimizer}
            onChange={(e) => controller.setSettings({ optimizer: e.target.value as OptimizerKind })}
          >
            {(Object.keys(OPTIMIZER_LABELS) as OptimizerKind[]).map((k) => (
              <option key={k} value={k}>
                {t(OPTIMIZER_NAMES[k])}
              </option>
            ))}
          </select>
        </label>
        <TermHelp term="optimiser" />
        <label>
          {t('model.optimiser.schedule')}
          <select value={schedule.kind} onChange={(e) => setSchedule({ kind: e.target.value as ScheduleKind })}>
            {SCHEDULES.map((o) => (
              <option key={o.value} value={o.value}>
                {t(o.label)}
              </option>
            ))}
          </select>
        </label>
        {schedule.kind === 'step' && (
          <>
            <NumberField
              label={t('model.optimiser.decayEvery')}
              value={schedule.everyEpochs}
              min={0.1}
              max={1000}
              step="any"
              onCommit={(everyEpochs) => setSchedule({ everyEpochs })}
            />
            <NumberField
              label={t('model.optimiser.decayFactor')}
              value={schedule.factor}
              min={0.01}
              max={1}
              step="any"
              onCommit={(factor) => setSchedule({ factor })}
            />
          </>
        )}
        {schedule.kind === 'exponential' && (
          <NumberField
            label={t('model.optimiser.decayPerEpoch')}
            value={schedule.decayRate}
            min={0.01}
            max={1}
            step="any"
            onCommit={(decayRate) => setSchedule({ decayRate })}
          />
        )}
        {schedule.kind === 'cosine' && (
          <>
            <NumberField
              label={t('model.optimiser.warmupEpochs')}
              value={schedule.warmupEpochs}
              min={0}
              max={1000}
              step="any"
              onCommit={(warmupEpochs) => setSchedule({ warmupEpochs })}
            />
            <NumberField
              label={t('model.optimiser.cosineLength')}
              value={schedule.totalEpochs}
              min={1}
              max={10000}
              step="any"
              onCommit={(totalEpochs) => setSchedule({ totalEpochs })}
            />
          </>
        )}
      </div>
      <div className="fields">
        <NumberField
          label={t('model.optimiser.l1')}
          value={s.l1}
          min={0}
          max={1}
          step="any"
          onCommit={(l1) => controller.setSettings({ l1 })}
        />
        <NumberField
          label={t('model.optimiser.l2')}
          value={s.l2}
          min={0}
          max={1}
          step="any"
          onCommit={(l2) => controller.setSettings({ l2 })}
        />
        <TermHelp term="regularisation" />
        <NumberField
          label={t('model.optimiser.clipNorm')}
          value={s.clipNorm}
          min={0}
          max={1e6}
          step="any"
          onCommit={(clipNorm) => controller.setSettings({ clipNorm })}
        />
        <TermHelp term="clipping" />
        <span className="muted">{t('model.optimiser.regularisationHelp')}</span>
      </div>
      <div className="fields">
        <label>
          <input
            type="checkbox"
            checked={s.earlyStopping.enabled}
            onChange={(e) => controller.setEarlyStopping({ ...s.earlyStopping, enabled: e.target.checked })}
          />
          {t('model.optimiser.earlyStopping')}
        </label>
        <TermHelp term="earlyStopping" />
        <label>
          {t('model.optimiser.monitor')}
          <select
            value={s.earlyStopping.monitor}
            onChange={(e) => controller.setEarlyStopping({ ...s.earlyStopping, monitor: e.target.value })}
          >
            <option value="total">{t('model.optimiser.monitorTotal')}</option>
            {tasks.map((task) => (
              <option key={task} value={task}>
                {t('model.optimiser.monitorTask', { task })}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('model.optimiser.patience')}
          value={s.earlyStopping.patience}
          min={1}
          max={1000}
          step={1}
          integer
          onCommit={(patience) => controller.setEarlyStopping({ ...s.earlyStopping, patience })}
        />
        <span className="muted">{t('model.optimiser.earlyStoppingHelp')}</span>
      </div>
    </details>
  );
}
