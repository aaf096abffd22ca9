import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';

/** Fields that act on a run commit once typing pauses (see NumberField). */
const SETTLE_MS = 400;

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Speed limits offered to narrate a run (steps per second; 0 = as fast as it goes). */
const SPEEDS = [0, 30, 10, 3, 1];

function progressText(
  state: string,
  epoch: number,
  target: number | null,
  step: number,
  samplesPerSecond: number,
  stepsPerSecond: number,
  bestEpoch: number | null,
  restoredEpoch: number | null,
): string {
  const held = restoredEpoch ? ` The best epoch's weights (epoch ${restoredEpoch}) were restored.` : '';
  const best = !restoredEpoch && bestEpoch && bestEpoch < epoch ? ` Best epoch so far: ${bestEpoch}.` : '';
  if (state === 'stoppedEarly')
    return `Stopped early after epoch ${epoch}: no improvement; the best epoch's weights (epoch ${bestEpoch ?? '?'}) were restored.`;
  const of = target === null ? ' / ∞' : ` / ${target}`; // the contract's "Epoch e / E"; ∞ while running until paused
  if (state === 'running') {
    const shown = target === null ? epoch + 1 : Math.min(epoch + 1, target);
    const bestNote = bestEpoch ? ` · best epoch ${bestEpoch}` : '';
    return `Epoch ${shown}${of} · step ${step} · ${fmt.format(stepsPerSecond)} steps/s · ${fmt.format(samplesPerSecond)} samples/s${bestNote}`;
  }
  if (state === 'paused') return `Paused at epoch ${epoch}${of}, step ${step}.${held}${best}`;
  if (state === 'done') return `Done: ${epoch} epochs, ${step} steps.${held}`;
  return 'Not started.';
}

/** Train, Pause, Step and Reset with the progress line; how long and how fast to run; the learning rate. */
export function RunControls() {
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
          Train
        </button>
        <button type="button" disabled={!running} aria-keyshortcuts="Space" onClick={() => controller.pause()}>
          Pause
        </button>
        <button
          type="button"
          disabled={!ready || running}
          aria-keyshortcuts="ArrowRight"
          onClick={() => controller.step()}
        >
          Step
        </button>
        <button type="button" disabled={run === null && runState === 'idle'} onClick={() => controller.reset()}>
          Reset
        </button>
        {!running && bestEpoch !== null && bestEpoch < progress.epoch && restoredEpoch !== bestEpoch && (
          <button type="button" onClick={() => controller.restoreBest()}>
            Restore best epoch ({bestEpoch})
          </button>
        )}
      </div>
      <p role="status" aria-label="Training progress" className="progress-line">
        {progressText(
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
          Run until paused
        </label>
        <NumberField
          label="Epochs"
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
          Typing a number of epochs turns Run until paused off.
        </span>
        <label>
          Speed
          <select value={speed} onChange={(e) => controller.setSettings({ maxStepsPerSecond: Number(e.target.value) })}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v === 0 ? 'full' : `${v} steps/s`}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Learning rate"
          settleMs={SETTLE_MS}
          value={learningRate}
          min={1e-9}
          max={1e9}
          step="any"
          onCommit={(v) => controller.setLearningRate(v)}
        />
      </div>
      <p className="muted keys">Space: Train / Pause · →: one step while paused</p>
    </div>
  );
}
