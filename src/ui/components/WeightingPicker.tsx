import { useTranslation } from 'react-i18next';
import { STRATEGY_NAMES } from './strategyNames.ts';
import { WEIGHTING_STRATEGIES, type WeightingStrategy } from '../../core/weighting/strategies.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { NumberField } from './NumberField.tsx';

/** The weighting strategy, switchable while training, with DWA's temperature and GradNorm's α. */
export function WeightingPicker() {
  const { t } = useTranslation();
  const controller = useController();
  const config = useAppState((s) => s.settings.weighting);
  return (
    <div className="weighting">
      <label>
        {t('model.weighting.label')}
        <select
          value={config.strategy}
          onChange={(e) => controller.setWeighting({ ...config, strategy: e.target.value as WeightingStrategy })}
        >
          {WEIGHTING_STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {t(STRATEGY_NAMES[s])}
            </option>
          ))}
        </select>
      </label>
      {config.strategy === 'dwa' && (
        <>
          <NumberField
            label={t('model.weighting.dwaTemperature')}
            value={config.dwaTemperature}
            min={0.1}
            max={100}
            step="any"
            onCommit={(dwaTemperature) => controller.setWeighting({ ...config, dwaTemperature })}
          />
          <TermHelp term="dwa" />
        </>
      )}
      {config.strategy === 'gradnorm' && (
        <>
          <NumberField
            label={t('model.weighting.gradNormAlpha')}
            value={config.gradNormAlpha}
            min={0}
            max={10}
            step="any"
            onCommit={(gradNormAlpha) => controller.setWeighting({ ...config, gradNormAlpha })}
          />
          <TermHelp term="gradNorm" />
        </>
      )}
      {config.strategy === 'pcgrad' && (
        <>
          <span className="muted">{t('model.weighting.pcgradNote')}</span>
          <TermHelp term="pcgrad" />
        </>
      )}
    </div>
  );
}
