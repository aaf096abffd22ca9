import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { NumberField } from './NumberField.tsx';

/** Fields that act on a run commit once typing pauses (see NumberField). */
const SETTLE_MS = 400;

/** Speed limits offered to narrate a run (steps per second; 0 = as fast as it goes). */
const SPEEDS = [0, 30, 10, 3, 1];

function progressText(
  t: TFunction,
  fmt: Intl.NumberFormat,
  state: string,
  epoch: number,
  target: number | null,
  step: number,
  samplesPerSecond: number,
  stepsPerSecond: number,
  bestEpoch: number | null,
  restoredEpoch: number | null,
): string {
  const held = restoredEpoch ? t('playground.runControls.progress.restored', { epoch: restoredEpoch }) : '';
  const best =
    !restoredEpoch && bestEpoch && bestEpoch < epoch
      ? t('playground.runControls.progress.bestSoFar', { epoch: bestEpoch })
      : '';
  if (state === 'stoppedEarly')
    return t('playground.runControls.progress.stoppedEarly', { epoch, best: bestEpoch ?? '?' });
  const of = target === null ? '∞' : target; // the contract's "Epoch e / E"; ∞ while running until paused
  if (state === 'running') {
    const shown = target === null ? epoch + 1 : Math.min(epoch + 1, target);
    const bestNote = bestEpoch ? t('playground.runControls.progress.runningBest', { epoch: bestEpoch }) : '';
    return (
      t('playground.runControls.progress.running', {
        epoch: shown,
        target: of,
        step,
        stepsPerSecond: fmt.format(stepsPerSecond),
        samplesPerSecond: fmt.format(samplesPerSecond),
      }) + bestNote
    );
  }
  if (state === 'paused') return t('playground.runControls.progress.paused', { epoch, target: of, step }) + held + best;
  if (state === 'done') return t('playground.runControls.progress.done', { epochs: epoch, steps: step }) + held;
  return t('playground.runControls.progress.notStarted');
}

/** Train, Pause, Step and Reset with the progress line; how long and how fast to run; the learning rate. */
export function RunControls() {
  const { t } = useTranslation();
  const fmt = useFormat().formatter({ maximumFractionDigits: 0 });
  const controller = useController();
  const epochs = useAppState((s) => s.settings.epochs);
  const untilPaused = useAppState((s) => s.settings.runUntilPaused);
  const speed = useAppState((s) => s.settings.maxStepsPerSecond);
  const learningRate = useAppState((s) => s.settings.learningRate);
  const batchSize = useAppState((s) => s.settings.batchSize);
  const runState = useAppState((s) => s.runState);
  const progress = useAppState((s) => s.progress);
  const run = useAppState((s) => s.run);
  const ready = useAppState((s) => s.dataset !== null && !s.datasetLoading);
  const bestEpoch = useAppState((s) => s.bestEpoch);
  const restoredEpoch = useAppState((s) => s.restoredEpoch);
  const baselinesRunning = useAppState((s) => s.baselines?.status === 'running');
  const running = runState === 'running' || baselinesRunning;
  return (
    <div className="run-controls">
      <div className="buttons">
        <button
          type="button"
          className="primary"
          disabled={!ready || running}
          aria-keyshortcuts="Space"
          onClick={() => controller.train()}
        >
          {t('playground.runControls.train')}
        </button>
        <button type="button" disabled={!running} aria-keyshortcuts="Space" onClick={() => controller.pause()}>
          {t('playground.runControls.pause')}
        </button>
        <button
          type="button"
          disabled={!ready || running}
          aria-keyshortcuts="ArrowRight"
          onClick={() => controller.step()}
        >
          {t('playground.runControls.step')}
        </button>
        <button type="button" disabled={run === null && runState === 'idle'} onClick={() => controller.reset()}>
          {t('playground.runControls.reset')}
        </button>
        {!running && bestEpoch !== null && bestEpoch < progress.epoch && restoredEpoch !== bestEpoch && (
          <button type="button" onClick={() => controller.restoreBest()}>
            {t('playground.runControls.restoreBest', { epoch: bestEpoch })}
          </button>
        )}
      </div>
      <p role="status" aria-label={t('playground.runControls.progressLabel')} className="progress-line">
        {progressText(
          t,
          fmt,
          runState,
          progress.epoch,
          progress.targetEpochs,
          progress.step,
          progress.samplesPerSecond,
          progress.samplesPerSecond / Math.max(batchSize, 1),
          bestEpoch,
          restoredEpoch,
        )}
      </p>
      <div className="fields compact">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={untilPaused}
            onChange={(e) => controller.setSettings({ runUntilPaused: e.target.checked })}
          />
          {t('playground.runControls.runUntilPaused')}
        </label>
        <NumberField
          label={t('playground.runControls.epochs')}
          settleMs={SETTLE_MS}
          value={epochs}
          min={1}
          max={10000}
          step={1}
          integer
          describedBy="epochs-help"
          onCommit={(v) => controller.setSettings({ epochs: v })}
        />
        <span id="epochs-help" className="visually-hidden">
          {t('playground.runControls.epochsHelp')}
        </span>
        <label>
          {t('playground.runControls.speed')}
          <select value={speed} onChange={(e) => controller.setSettings({ maxStepsPerSecond: Number(e.target.value) })}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v === 0 ? t('playground.runControls.speedFull') : t('playground.runControls.speedSteps', { speed: v })}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={t('playground.runControls.learningRate')}
          settleMs={SETTLE_MS}
          value={learningRate}
          min={1e-9}
          max={1e9}
          step="any"
          onCommit={(v) => controller.setLearningRate(v)}
        />
      </div>
      <p className="muted keys">{t('playground.runControls.keys')}</p>
    </div>
  );
}
