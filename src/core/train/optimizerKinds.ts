/** The optimisers a person can pick (names only: no TensorFlow.js, so the page can list them). */
export type OptimizerKind = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

export const OPTIMIZER_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};
