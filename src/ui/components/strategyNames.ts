import type { WeightingStrategy } from '../../core/weighting/strategies.ts';

/** Each strategy's name in the catalogue (core/weighting/strategies.ts lists them in order). */
export const STRATEGY_NAMES = {
  manual: 'model.weighting.strategies.manual',
  equal: 'model.weighting.strategies.equal',
  uncertainty: 'model.weighting.strategies.uncertainty',
  dwa: 'model.weighting.strategies.dwa',
  gradnorm: 'model.weighting.strategies.gradnorm',
  pcgrad: 'model.weighting.strategies.pcgrad',
} as const satisfies Record<WeightingStrategy, string>;
