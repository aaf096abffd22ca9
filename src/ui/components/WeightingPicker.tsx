import { STRATEGY_LABELS, type WeightingStrategy } from '../../core/weighting/strategies.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { NumberField } from './NumberField.tsx';

/** The weighting strategy, switchable while training, with DWA's temperature and GradNorm's α. */
export function WeightingPicker() {
  const controller = useController();
  const config = useAppState((s) => s.settings.weighting);
  return (
    <div className="weighting">
      <label>
        Weighting
        <select
          value={config.strategy}
          onChange={(e) => controller.setWeighting({ ...config, strategy: e.target.value as WeightingStrategy })}
        >
          {(Object.keys(STRATEGY_LABELS) as WeightingStrategy[]).map((s) => (
            <option key={s} value={s}>
              {STRATEGY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {config.strategy === 'dwa' && (
        <NumberField
          label="DWA temperature"
          value={config.dwaTemperature}
          min={0.1}
          max={100}
          step="any"
          onCommit={(dwaTemperature) => controller.setWeighting({ ...config, dwaTemperature })}
        />
      )}
      {config.strategy === 'gradnorm' && (
        <NumberField
          label="GradNorm alpha"
          value={config.gradNormAlpha}
          min={0}
          max={10}
          step="any"
          onCommit={(gradNormAlpha) => controller.setWeighting({ ...config, gradNormAlpha })}
        />
      )}
      {config.strategy === 'pcgrad' && (
        <span className="muted">Uses the weights below; projects conflicting task gradients on the shared trunk.</span>
      )}
    </div>
  );
}
