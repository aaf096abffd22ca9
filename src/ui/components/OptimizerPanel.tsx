import { useMemo } from 'react';
import { OPTIMIZER_LABELS, type OptimizerKind } from '../../core/train/optimizerKinds.ts';
import type { ScheduleKind } from '../../core/train/schedules.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';

const SCHEDULES: { value: ScheduleKind; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'step', label: 'Step decay' },
  { value: 'exponential', label: 'Exponential decay' },
  { value: 'cosine', label: 'Cosine with warm-up' },
];

/** Optimiser, learning-rate schedule, regularisation, gradient clipping and early stopping. */
export function OptimizerPanel() {
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
      <summary>Optimiser and regularisation</summary>
      <div className="fields">
        <label>
          Optimizer
          <select
            value={s.optimizer}
            onChange={(e) => controller.setSettings({ optimizer: e.target.value as OptimizerKind })}
          >
            {(Object.keys(OPTIMIZER_LABELS) as OptimizerKind[]).map((k) => (
              <option key={k} value={k}>
                {OPTIMIZER_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Learning-rate schedule
          <select value={schedule.kind} onChange={(e) => setSchedule({ kind: e.target.value as ScheduleKind })}>
            {SCHEDULES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {schedule.kind === 'step' && (
          <>
            <NumberField
              label="Decay every (epochs)"
              value={schedule.everyEpochs}
              min={0.1}
              max={1000}
              step="any"
              onCommit={(everyEpochs) => setSchedule({ everyEpochs })}
            />
            <NumberField
              label="Decay factor"
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
            label="Decay per epoch"
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
              label="Warm-up epochs"
              value={schedule.warmupEpochs}
              min={0}
              max={1000}
              step="any"
              onCommit={(warmupEpochs) => setSchedule({ warmupEpochs })}
            />
            <NumberField
              label="Cosine length (epochs)"
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
          label="L1"
          value={s.l1}
          min={0}
          max={1}
          step="any"
          onCommit={(l1) => controller.setSettings({ l1 })}
        />
        <NumberField
          label="L2"
          value={s.l2}
          min={0}
          max={1}
          step="any"
          onCommit={(l2) => controller.setSettings({ l2 })}
        />
        <NumberField
          label="Clip gradient norm"
          value={s.clipNorm}
          min={0}
          max={1e6}
          step="any"
          onCommit={(clipNorm) => controller.setSettings({ clipNorm })}
        />
        <span className="muted">0 = off. L1/L2 apply to the dense kernels of trunk and heads.</span>
      </div>
      <div className="fields">
        <label>
          <input
            type="checkbox"
            checked={s.earlyStopping.enabled}
            onChange={(e) => controller.setEarlyStopping({ ...s.earlyStopping, enabled: e.target.checked })}
          />
          Early stopping
        </label>
        <label>
          Monitor
          <select
            value={s.earlyStopping.monitor}
            onChange={(e) => controller.setEarlyStopping({ ...s.earlyStopping, monitor: e.target.value })}
          >
            <option value="total">weighted total validation loss</option>
            {tasks.map((t) => (
              <option key={t} value={t}>
                validation loss of {t}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Patience"
          value={s.earlyStopping.patience}
          min={1}
          max={1000}
          step={1}
          integer
          onCommit={(patience) => controller.setEarlyStopping({ ...s.earlyStopping, patience })}
        />
        <span className="muted">
          Stops after this many epochs without improvement and restores the best epoch's weights. The total is weighted
          by your weights; under a strategy that sets the weights itself it is the plain sum of the task losses (its
          weights change every epoch).
        </span>
      </div>
    </details>
  );
}
