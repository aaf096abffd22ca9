import { MIN_TRAIN_PERCENT } from '../../core/data/split.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

function progressText(
  state: string,
  epoch: number,
  target: number | null,
  step: number,
  samplesPerSecond: number,
  bestEpoch: number | null,
): string {
  if (state === 'stoppedEarly')
    return `Stopped early after epoch ${epoch}: no improvement; the best epoch's weights (epoch ${bestEpoch ?? '?'}) were restored.`;
  const of = target === null ? '' : ` / ${target}`;
  if (state === 'running')
    return `Epoch ${target === null ? epoch + 1 : Math.min(epoch + 1, target)}${of} · step ${step} · ${fmt.format(samplesPerSecond)} samples/s`;
  if (state === 'paused') return `Paused at epoch ${epoch}${of}, step ${step}.`;
  if (state === 'done') return `Done: ${epoch} epochs, ${step} steps.`;
  return 'Not started.';
}

/** Epochs, batch size, learning rate and the run buttons, with the progress line. */
export function TrainingControls() {
  const controller = useController();
  const settings = useAppState((s) => s.settings);
  const runState = useAppState((s) => s.runState);
  const progress = useAppState((s) => s.progress);
  const run = useAppState((s) => s.run);
  const ready = useAppState((s) => s.dataset !== null && !s.datasetLoading);
  const memory = useAppState((s) => s.memory);
  const bestEpoch = useAppState((s) => s.bestEpoch);
  const lastEpoch = useAppState((s) => s.epochs[s.epochs.length - 1]);
  const stratified = useAppState((s) => Object.values(s.roles).some((r) => r === 'binary' || r === 'multiclass'));
  const baselinesRunning = useAppState((s) => s.baselines?.status === 'running');
  const running = runState === 'running' || baselinesRunning;
  return (
    <div className="controls">
      <div className="fields">
        <NumberField
          label="Epochs"
          value={settings.epochs}
          min={1}
          max={10000}
          step={1}
          integer
          onCommit={(epochs) => controller.setSettings({ epochs })}
        />
        <NumberField
          label="Batch size"
          value={settings.batchSize}
          min={1}
          max={65536}
          step={1}
          integer
          onCommit={(batchSize) => controller.setSettings({ batchSize })}
        />
        <NumberField
          label="Seed"
          value={settings.seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(seed) => controller.setSettings({ seed })}
        />
        <NumberField
          label="Split seed"
          value={settings.splitSeed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(splitSeed) => controller.setSettings({ splitSeed })}
        />
        <NumberField
          label="Validation %"
          value={settings.validationPercent}
          min={1}
          max={100 - MIN_TRAIN_PERCENT - settings.testPercent}
          step={1}
          integer
          onCommit={(validationPercent) => controller.setSettings({ validationPercent })}
        />
        <NumberField
          label="Test %"
          value={settings.testPercent}
          min={0}
          max={100 - MIN_TRAIN_PERCENT - settings.validationPercent}
          step={1}
          integer
          onCommit={(testPercent) => controller.setSettings({ testPercent })}
        />
        <NumberField
          label="Learning rate"
          value={settings.learningRate}
          min={1e-9}
          max={1e9}
          step="any"
          onCommit={(learningRate) => controller.setLearningRate(learningRate)}
        />
      </div>
      <div className="buttons">
        <button type="button" className="primary" disabled={!ready || running} onClick={() => controller.train()}>
          Train
        </button>
        <button type="button" disabled={!running} onClick={() => controller.pause()}>
          Pause
        </button>
        <button type="button" disabled={!ready || running} onClick={() => controller.step()}>
          Step
        </button>
        <button type="button" disabled={run === null && runState === 'idle'} onClick={() => controller.reset()}>
          Reset
        </button>
      </div>
      <p className="muted">
        Rows: {100 - settings.validationPercent - settings.testPercent} % train · {settings.validationPercent} %
        validation (live metrics, early stopping) · {settings.testPercent} % test (held out until the run ends), split
        with seed {settings.splitSeed}
        {stratified ? ', stratified on the first classification target' : ''}; Seed sets the initial weights, dropout
        and batch order.
      </p>
      <p role="status" aria-label="Training progress" className="summary">
        {progressText(
          runState,
          progress.epoch,
          progress.targetEpochs,
          progress.step,
          progress.samplesPerSecond,
          bestEpoch,
        )}
      </p>
      {lastEpoch && (
        <p className="muted" role="status" aria-label="Epoch timing">
          Epoch {lastEpoch.epoch}: training {(lastEpoch.trainMs / 1000).toFixed(2)} s; validation metrics, plot data and
          gradient check {(lastEpoch.evalMs / 1000).toFixed(2)} s ={' '}
          {((100 * lastEpoch.evalMs) / Math.max(lastEpoch.trainMs + lastEpoch.evalMs, 1)).toFixed(1)} % of the epoch.
        </p>
      )}
      {memory && (
        <p className="muted" role="status" aria-label="Worker memory">
          TensorFlow.js holds {fmt.format(memory.numTensors)} tensors ({(memory.numBytes / 1e6).toFixed(1)} MB).
        </p>
      )}
      {run && (
        <p className="muted">
          {fmt.format(run.parameterCount)} parameters · {run.inputSize} input features
          {run.embeddings.length > 0 &&
            ` · embeddings: ${run.embeddings.map((e) => `${e.name} (${e.vocabSize} ids → ${e.dim} dims)`).join(', ')}`}{' '}
          · split {run.splitRows.train}/{run.splitRows.val}/{run.splitRows.test} rows (train/validation/test) ·{' '}
          {run.stepsPerEpoch} steps per epoch
        </p>
      )}
    </div>
  );
}
