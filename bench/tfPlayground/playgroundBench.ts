/**
 * TF Playground's kind of training (perNodeEngine.ts: per-neuron objects, one example at a time,
 * as the playground's nn.ts trains) at its own size, timed in samples/s: inputs
 * X₁, X₂, hidden layers 4-4-2 tanh, one output, batch 10, learning rate 0.03, squared error, no
 * regularisation. The loop is the playground's `oneStep` (playground.ts): per training point
 * forwardProp and backProp, and updateWeights after every batch; its per-iteration loss
 * evaluation and drawing are the UI's and are left out. The output here is a sigmoid on 0 / 1
 * labels (the playground's own classification output is tanh on ±1: the same arithmetic cost).
 */
import { playgroundCircle } from '../engineData.ts';
import { backward, buildNetwork, forward, SIGMOID, SQUARE_ERROR, TANH, update } from './perNodeEngine.ts';

export interface PlaygroundResult {
  samples: number;
  seconds: number;
  samplesPerS: number;
  stepsPerS: number;
  /** Mean squared error (½(p − y)², the playground's) over the training points after the run. */
  finalLoss: number;
}

export const PLAYGROUND_SHAPE = [2, 4, 4, 2, 1];
export const PLAYGROUND_BATCH = 10;

/** Trains on `points` circle points (the playground's 50 % training ratio of its 500) for about `budgetMs`. */
export function timePlayground(budgetMs: number, points = 250): PlaygroundResult {
  const { x, label } = playgroundCircle(points);
  const network = buildNetwork(PLAYGROUND_SHAPE, TANH, SIGMOID);
  const inputs = Array.from({ length: points }, (_, i) => [x[2 * i] as number, x[2 * i + 1] as number]);
  const oneStep = () => {
    for (let i = 0; i < points; i++) {
      forward(network, inputs[i] as number[]);
      backward(network, label[i] as number);
      if ((i + 1) % PLAYGROUND_BATCH === 0) update(network, 0.03);
    }
  };
  for (let t = performance.now(); performance.now() - t < Math.min(300, budgetMs);) oneStep(); // JIT warm-up
  let epochs = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs || epochs < 2) {
    oneStep();
    epochs++;
  }
  const seconds = (performance.now() - start) / 1000;
  let loss = 0;
  for (let i = 0; i < points; i++)
    loss += SQUARE_ERROR.error(forward(network, inputs[i] as number[]), label[i] as number);
  const samples = epochs * points;
  return {
    samples,
    seconds,
    samplesPerS: samples / seconds,
    stepsPerS: samples / PLAYGROUND_BATCH / seconds,
    finalLoss: loss / points,
  };
}
