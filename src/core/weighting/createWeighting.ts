/** Picks the implementation of a weighting strategy: the only place that maps a strategy's name to its code. */
import { DwaWeighting } from './dwa.ts';
import { EqualWeighting } from './equal.ts';
import { GradNormWeighting } from './gradNorm.ts';
import { ManualWeighting } from './manual.ts';
import { PcgradWeighting } from './pcgrad.ts';
import type { WeightingConfig, WeightingStrategy } from './strategies.ts';
import type { TaskSettings, TaskWeighting, WeightingContext } from './taskWeighting.ts';
import { UncertaintyWeighting } from './uncertainty.ts';

type Implementation = new (config: WeightingConfig, context: WeightingContext, settings: TaskSettings) => TaskWeighting;

const IMPLEMENTATIONS: Record<WeightingStrategy, Implementation> = {
  manual: ManualWeighting,
  equal: EqualWeighting,
  uncertainty: UncertaintyWeighting,
  dwa: DwaWeighting,
  gradnorm: GradNormWeighting,
  pcgrad: PcgradWeighting,
};

/** A strategy in its initial state for the given settings. Caller owns it (dispose it). */
export function createWeighting(
  config: WeightingConfig,
  context: WeightingContext,
  settings: TaskSettings,
): TaskWeighting {
  return new IMPLEMENTATIONS[config.strategy](config, context, settings);
}
