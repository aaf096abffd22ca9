import { useTranslation } from 'react-i18next';
import { MIN_TRAIN_PERCENT } from '../../core/data/split.ts';
import { useAppState, type RunInfo } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { NumberField } from './NumberField.tsx';

/** Fields that act on a run commit once typing pauses (see NumberField). */
const SETTLE_MS = 400;

/** Batch size, seeds and the split (they define a run), with what the run holds and costs. */
export function TrainingControls() {
  const { t } = useTranslation();
  const { formatter } = useFormat();
  const whole = formatter({ maximumFractionDigits: 0 });
  // Like toFixed: no grouping.
  const fixed1 = formatter({ minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  const fixed2 = formatter({ minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const controller = useController();
  const settings = useAppState((s) => s.settings);
  const run = useAppState((s) => s.run);
  const memory = useAppState((s) => s.memory);
  const lastEpoch = useAppState((s) => s.epochs[s.epochs.length - 1]);
  const stratified = useAppState((s) => Object.values(s.roles).some((r) => r === 'binary' || r === 'multiclass'));
  const runText = (r: RunInfo) => {
    const values = {
      parameters: whole.format(r.parameterCount),
      inputs: r.inputSize,
      train: r.splitRows.train,
      validation: r.splitRows.val,
      test: r.splitRows.test,
      steps: r.stepsPerEpoch,
    };
    if (r.embeddings.length === 0) return t('model.training.run', values);
    const embeddings = r.embeddings
      .map((e) => t('model.training.embedding', { name: e.name, vocab: e.vocabSize, dim: e.dim }))
      .join(t('model.training.listSeparator'));
    return t('model.training.runWithEmbeddings', { ...values, embeddings });
  };
  return (
    <div className="controls">
      <div className="fields">
        <NumberField
          label={t('model.training.batchSize')}
          settleMs={SETTLE_MS}
          value={settings.batchSize}
          min={1}
          max={65536}
          step={1}
          integer
          onCommit={(batchSize) => controller.setSettings({ batchSize })}
        />
        <NumberField
          label={t('model.training.seed')}
          settleMs={SETTLE_MS}
          value={settings.seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(seed) => controller.setSettings({ seed })}
        />
        <NumberField
          label={t('model.training.splitSeed')}
          settleMs={SETTLE_MS}
          value={settings.splitSeed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(splitSeed) => controller.setSettings({ splitSeed })}
        />
        <NumberField
          label={t('model.training.validationPercent')}
          settleMs={SETTLE_MS}
          value={settings.validationPercent}
          min={1}
          max={100 - MIN_TRAIN_PERCENT - settings.testPercent}
          step={1}
          integer
          onCommit={(validationPercent) => controller.setSettings({ validationPercent })}
        />
        <NumberField
          label={t('model.training.testPercent')}
          settleMs={SETTLE_MS}
          value={settings.testPercent}
          min={0}
          max={100 - MIN_TRAIN_PERCENT - settings.validationPercent}
          step={1}
          integer
          onCommit={(testPercent) => controller.setSettings({ testPercent })}
        />
      </div>
      <p className="muted">
        {t(stratified ? 'model.training.splitStratified' : 'model.training.split', {
          train: 100 - settings.validationPercent - settings.testPercent,
          validation: settings.validationPercent,
          test: settings.testPercent,
          seed: settings.splitSeed,
        })}
      </p>
      {lastEpoch && (
        <p className="muted" role="status" aria-label={t('model.training.epochTimingLabel')}>
          {t('model.training.epochTiming', {
            epoch: lastEpoch.epoch,
            train: fixed2.format(lastEpoch.trainMs / 1000),
            evaluation: fixed2.format(lastEpoch.evalMs / 1000),
            share: fixed1.format((100 * lastEpoch.evalMs) / Math.max(lastEpoch.trainMs + lastEpoch.evalMs, 1)),
          })}
        </p>
      )}
      {memory && (
        <p className="muted" role="status" aria-label={t('model.training.memoryLabel')}>
          {t('model.training.memory', {
            tensors: whole.format(memory.numTensors),
            megabytes: fixed1.format(memory.numBytes / 1e6),
          })}
        </p>
      )}
      {run && <p className="muted">{runText(run)}</p>}
    </div>
  );
}
