import { MIN_TRAIN_PERCENT } from '../../core/data/split.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';

/** Fields that act on a run commit once typing pauses (see NumberField). */
const SETTLE_MS = 400;

const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Batch size, seeds and the split (they define a run), with what the run holds and costs. */
export function TrainingControls() {
  const controller = useController();
  const settings = useAppState((s) => s.settings);
  const run = useAppState((s) => s.run);
  const memory = useAppState((s) => s.memory);
  const lastEpoch = useAppState((s) => s.epochs[s.epochs.length - 1]);
  const stratified = useAppState((s) => Object.values(s.roles).some((r) => r === 'binary' || r === 'multiclass'));
  return (
    <div className="controls">
      <div className="fields">
        <NumberField
          label="Batch size"
          settleMs={SETTLE_MS}
          value={settings.batchSize}
          min={1}
          max={65536}
          step={1}
          integer
          onCommit={(batchSize) => controller.setSettings({ batchSize })}
        />
        <NumberField
          label="Seed"
          settleMs={SETTLE_MS}
          value={settings.seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(seed) => controller.setSettings({ seed })}
        />
        <NumberField
          label="Split seed"
          settleMs={SETTLE_MS}
          value={settings.splitSeed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(splitSeed) => controller.setSettings({ splitSeed })}
        />
        <NumberField
          label="Validation %"
          settleMs={SETTLE_MS}
          value={settings.validationPercent}
          min={1}
          max={100 - MIN_TRAIN_PERCENT - settings.testPercent}
          step={1}
          integer
          onCommit={(validationPercent) => controller.setSettings({ validationPercent })}
        />
        <NumberField
          label="Test %"
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
        Rows: {100 - settings.validationPercent - settings.testPercent} % train · {settings.validationPercent} %
        validation (live metrics, early stopping) · {settings.testPercent} % test (held out until the run ends), split
        with seed {settings.splitSeed}
        {stratified ? ', stratified on the first classification target' : ''}; Seed sets the initial weights, dropout
        and batch order.
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
