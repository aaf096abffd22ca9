import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activation, DenseLayerSpec } from '../../core/types.ts';
import { targetColumns, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { NumberField } from './NumberField.tsx';
import { TrunkField } from './TrunkField.tsx';

const ACTIVATIONS = [
  { value: 'relu', label: 'model.editor.activations.relu' },
  { value: 'leakyRelu', label: 'model.editor.activations.leakyRelu' },
  { value: 'elu', label: 'model.editor.activations.elu' },
  { value: 'selu', label: 'model.editor.activations.selu' },
  { value: 'tanh', label: 'model.editor.activations.tanh' },
  { value: 'sigmoid', label: 'model.editor.activations.sigmoid' },
  { value: 'linear', label: 'model.editor.activations.linear' },
] as const satisfies readonly { value: Activation; label: string }[];

/** More experts multiply the trunk's cost; 16 is already far past what a browser run needs. */
const MAX_EXPERTS = 16;

/** The shared trunk's layers, each head's optional hidden layer and the embedding size (the diagram above follows). */
export function ModelEditor() {
  const { t } = useTranslation();
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
      <summary>{t('model.editor.summary')}</summary>
      <TrunkField />
      <ol className="layers">
        {trunk.map((layer, i) => (
          <li key={i}>
            <NumberField
              label={t('model.editor.unitsOf', { layer: i + 1 })}
              value={layer.units}
              min={1}
              max={4096}
              step={1}
              integer
              onCommit={(units) => setLayer(i, { units })}
            />
            <label>
              {t('model.editor.activationOf', { layer: i + 1 })}
              <select
                value={layer.activation}
                onChange={(e) => setLayer(i, { activation: e.target.value as Activation })}
              >
                {ACTIVATIONS.map((a) => (
                  <option key={a.value} value={a.value}>
                    {t(a.label)}
                  </option>
                ))}
              </select>
            </label>
            <NumberField
              label={t('model.editor.dropoutOf', { layer: i + 1 })}
              value={layer.dropout}
              min={0}
              max={0.9}
              step={0.05}
              onCommit={(dropout) => setLayer(i, { dropout })}
            />
            {i === 0 && <TermHelp term="dropout" />}
            <button
              type="button"
              disabled={trunk.length <= 1}
              onClick={() => controller.setSettings({ trunk: trunk.filter((_, j) => j !== i) })}
            >
              {t('model.editor.removeLayer', { layer: i + 1 })}
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
        {t('model.editor.addLayer')}
      </button>
      <div className="fields">
        <NumberField
          label={t('model.editor.experts')}
          value={experts}
          min={1}
          max={MAX_EXPERTS}
          step={1}
          integer
          describedBy="experts-help"
          onCommit={(v) => controller.setSettings({ experts: v })}
        />
        <TermHelp term="mmoe" />
        <span id="experts-help" className="muted">
          {t('model.editor.expertsHelp')}
        </span>
      </div>
      <div className="fields">
        {tasks.map((task, i) => (
          <Fragment key={task}>
            <NumberField
              label={t('model.editor.headHidden', { task })}
              value={headHidden[task] ?? 0}
              min={0}
              max={1024}
              step={1}
              integer
              onCommit={(v) => controller.setSettings({ headHidden: { ...headHidden, [task]: v } })}
            />
            {i === 0 && <TermHelp term="head" />}
          </Fragment>
        ))}
        <NumberField
          label={t('model.editor.embeddingSize')}
          value={embeddingDim}
          min={0}
          max={256}
          step={1}
          integer
          onCommit={(v) => controller.setSettings({ embeddingDim: v })}
        />
        <TermHelp term="embedding" />
        <span className="muted">{t('model.editor.embeddingHelp')}</span>
      </div>
      <p className="muted">{t('model.editor.diagramNote')}</p>
    </details>
  );
}
