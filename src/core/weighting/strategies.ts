/**
 * The task-weighting strategies a person can pick: names, settings and labels, free of TensorFlow.js
 * so the page can use them. The implementations are one file each (see createWeighting.ts).
 */

export type WeightingStrategy = 'manual' | 'equal' | 'uncertainty' | 'dwa' | 'gradnorm' | 'pcgrad';

export interface WeightingConfig {
  strategy: WeightingStrategy;
  /** DWA temperature T (Liu et al. 2019; default 2). */
  dwaTemperature: number;
  /** GradNorm asymmetry α (Chen et al. 2018; default 1.5). */
  gradNormAlpha: number;
}

export const DEFAULT_WEIGHTING: WeightingConfig = { strategy: 'manual', dwaTemperature: 2, gradNormAlpha: 1.5 };

/** Every strategy, in the order the page lists them (their names are in the catalogues: model.weighting.strategies). */
export const WEIGHTING_STRATEGIES = [
  'manual',
  'equal',
  'uncertainty',
  'dwa',
  'gradnorm',
  'pcgrad',
] as const satisfies readonly WeightingStrategy[];

/**
 * Strategies that set the weights themselves, Equal included (the sliders then only show them).
 * Each implementation's `setsOwnWeights` agrees (a test checks).
 */
export function setsOwnWeights(strategy: WeightingStrategy): boolean {
  return strategy === 'equal' || strategy === 'uncertainty' || strategy === 'dwa' || strategy === 'gradnorm';
}
