/**
 * TF Playground's kind of engine, written here for the benchmark (not its code): the network as
 * objects — one per neuron, one per connection — trained one example at a time in plain
 * JavaScript: a forward pass over the nodes, a backward pass that accumulates each weight's
 * derivative, and an update after every batch. This is how the playground trains (its nn.ts), so
 * it costs what the playground's training costs at the playground's sizes.
 */

export interface Activation {
  output(x: number): number;
  derivative(x: number): number;
}

export const TANH: Activation = {
  output: (x) => Math.tanh(x),
  derivative: (x) => 1 - Math.tanh(x) ** 2,
};

export const SIGMOID: Activation = {
  output: (x) => 1 / (1 + Math.exp(-x)),
  derivative: (x) => {
    const s = 1 / (1 + Math.exp(-x));
    return s * (1 - s);
  },
};

/** ½(p − y)², the playground's error, and its derivative in p. */
export const SQUARE_ERROR = {
  error: (p: number, y: number) => 0.5 * (p - y) ** 2,
  derivative: (p: number, y: number) => p - y,
};

export class Link {
  weight = Math.random() - 0.5;
  derivativeSum = 0;
  samples = 0;
  constructor(
    readonly source: Neuron,
    readonly dest: Neuron,
  ) {}
}

export class Neuron {
  readonly inputs: Link[] = [];
  readonly outputs: Link[] = [];
  bias = 0.1;
  totalInput = 0;
  output = 0;
  outputDerivative = 0;
  inputDerivative = 0;
  biasDerivativeSum = 0;
  samples = 0;
  constructor(readonly activation: Activation) {}
}

/** Layers of neurons, fully connected from each layer to the next; the last layer has one output neuron. */
export function buildNetwork(shape: number[], hidden: Activation, output: Activation): Neuron[][] {
  const layers = shape.map((size, i) =>
    Array.from({ length: size }, () => new Neuron(i === shape.length - 1 ? output : hidden)),
  );
  layers.forEach((layer, i) => {
    if (i === 0) return;
    for (const dest of layer)
      for (const source of layers[i - 1] as Neuron[]) {
        const link = new Link(source, dest);
        source.outputs.push(link);
        dest.inputs.push(link);
      }
  });
  return layers;
}

/** Runs one example forward; returns the output neuron's value. */
export function forward(network: Neuron[][], inputs: number[]): number {
  (network[0] as Neuron[]).forEach((n, i) => (n.output = inputs[i] as number));
  for (let l = 1; l < network.length; l++)
    for (const n of network[l] as Neuron[]) {
      let sum = n.bias;
      for (const link of n.inputs) sum += link.weight * link.source.output;
      n.totalInput = sum;
      n.output = n.activation.output(sum);
    }
  return ((network[network.length - 1] as Neuron[])[0] as Neuron).output;
}

/** Back-propagates one example's squared error, adding to each weight's and bias's derivative sum. */
export function backward(network: Neuron[][], target: number): void {
  const out = (network[network.length - 1] as Neuron[])[0] as Neuron;
  out.outputDerivative = SQUARE_ERROR.derivative(out.output, target);
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l] as Neuron[];
    for (const n of layer) {
      n.inputDerivative = n.outputDerivative * n.activation.derivative(n.totalInput);
      n.biasDerivativeSum += n.inputDerivative;
      n.samples++;
      for (const link of n.inputs) {
        link.derivativeSum += n.inputDerivative * link.source.output;
        link.samples++;
      }
    }
    if (l === 1) break;
    for (const n of network[l - 1] as Neuron[]) {
      let d = 0;
      for (const link of n.outputs) d += link.weight * link.dest.inputDerivative;
      n.outputDerivative = d;
    }
  }
}

/** One gradient step with the mean derivatives accumulated since the last one. */
export function update(network: Neuron[][], learningRate: number): void {
  for (let l = 1; l < network.length; l++)
    for (const n of network[l] as Neuron[]) {
      if (n.samples > 0) n.bias -= (learningRate * n.biasDerivativeSum) / n.samples;
      n.biasDerivativeSum = 0;
      n.samples = 0;
      for (const link of n.inputs) {
        if (link.samples > 0) link.weight -= (learningRate * link.derivativeSum) / link.samples;
        link.derivativeSum = 0;
        link.samples = 0;
      }
    }
}
