import { useMemo } from 'react';
import type { Activation, DenseLayerSpec } from '../../core/types.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';
import { TrunkField } from './TrunkField.tsx';

const ACTIVATIONS: { value: Activation; label: string }[] = [
  { value: 'relu', label: 'ReLU' },
  { value: 'leakyRelu', label: 'Leaky ReLU' },
  { value: 'elu', label: 'ELU' },
  { value: 'selu', label: 'SELU' },
  { value: 'tanh', label: 'tanh' },
  { value: 'sigmoid', label: 'sigmoid' },
  { value: 'linear', label: 'linear' },
];

/** More experts multiply the trunk's cost; 16 is already far past what a browser run needs. */
const MAX_EXPERTS = 16;

/** The shared trunk's layers, each head's optional hidden layer and the embedding size (the diagram above follows). */
export function ModelEditor() {
  const controller = useController();
  const trunk = useAppState((s) => s.settings.trunk);
  const headHidden = useAppState((s) => s.settings.headHidden);
  const embeddingDim = useAppState((s) => s.settings.embeddingDim);
  const experts = useAppState((s) => s.settings.experts);
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const tasks = useMemo(() => targetColumns({ dataset, roles }), [dataset, roles]);
  const setLayer = (i: number, patch: Partial<DenseLayerSpec>) =>
    controller.setSettings({ trunk: trunk.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  return (
    <details className="model-editor" open>
      <summary>Model</summary>
      <TrunkField />
      <ol className="layers">
        {trunk.map((layer, i) => (
          <li key={i}>
            <NumberField
              label={`Units of layer ${i + 1}`}
              value={layer.units}
              min={1}
              max={4096}
              step={1}
              integer
              onCommit={(units) => setLayer(i, { units })}
            />
            <label>
              Activation of layer {i + 1}
              <select
                value={layer.activation}
                onChange={(e) => setLayer(i, { activation: e.target.value as Activation })}
              >
                {ACTIVATIONS.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <NumberField
              label={`Dropout of layer ${i + 1}`}
              value={layer.dropout}
              min={0}
              max={0.9}
              step={0.05}
              onCommit={(dropout) => setLayer(i, { dropout })}
            />
            <button
              type="button"
              disabled={trunk.length <= 1}
              onClick={() => controller.setSettings({ trunk: trunk.filter((_, j) => j !== i) })}
            >
              Remove layer {i + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        disabled={trunk.length >= 8}
        onClick={() =>
          controller.setSettings({
            trunk: [...trunk, { ...(trunk[trunk.length - 1] ?? { units: 64, activation: 'relu', dropout: 0 }) }],
          })
        }
      >
        Add layer
      </button>
      <div className="fields">
        <NumberField
          label="Experts"
          value={experts}
          min={1}
          max={MAX_EXPERTS}
          step={1}
          integer
          describedBy="experts-help"
          onCommit={(v) => controller.setSettings({ experts: v })}
        />
        <span id="experts-help" className="muted">
          1 = one shared trunk; 2 or more = that many copies of the trunk (experts), mixed for each task by its own
          learned gate (MMoE)
        </span>
      </div>
      <div className="fields">
        {tasks.map((task) => (
          <NumberField
            key={task}
            label={`Hidden units of ${task} head`}
            value={headHidden[task] ?? 0}
            min={0}
            max={1024}
            step={1}
            integer
            onCommit={(v) => controller.setSettings({ headHidden: { ...headHidden, [task]: v } })}
          />
        ))}
        <NumberField
          label="Embedding size"
          value={embeddingDim}
          min={0}
          max={256}
          step={1}
          integer
          onCommit={(v) => controller.setSettings({ embeddingDim: v })}
        />
        <span className="muted">0 = automatic (for categories with over 50 values)</span>
      </div>
      <p className="muted">The network diagram at the top of the page redraws as you edit.</p>
    </details>
  );
}
