/** The training session driven as the page drives it, for the worker's tests (Node, cpu backend). */
import { message } from '../core/messages/message.ts';
import { toyCsv, TOY_ROLES } from '../core/testing/toyData.ts';
import { DEFAULT_SCHEDULE } from '../core/train/schedules.ts';
import { DEFAULT_WEIGHTING } from '../core/weighting/strategies.ts';
import type { FromWorker, RunConfig } from './protocol.ts';
import { createTrainingSession, type SessionDeps } from './session.ts';

/** A small run of the toy table (three tasks: binary, multi-class, regression). */
export const config: RunConfig = {
  roles: TOY_ROLES,
  encodings: {},
  positiveClasses: {},
  balanceClasses: {},
  chainedTo: {},
  embeddingDim: 0,
  weights: { clicked: 1, segment: 1, spend: 1 },
  enabled: {},
  trunk: [{ units: 8, activation: 'relu', dropout: 0 }],
  experts: 1,
  headHidden: {},
  optimizer: 'adam',
  schedule: DEFAULT_SCHEDULE,
  l1: 0,
  l2: 0,
  clipNorm: 0,
  weighting: DEFAULT_WEIGHTING,
  earlyStopping: { enabled: false, monitor: 'total', patience: 3 },
  epochs: 2,
  standardizeTargets: true,
  runUntilPaused: false,
  maxStepsPerSecond: 0,
  batchSize: 32,
  learningRate: 0.01,
  seed: 1,
  splitSeed: 1,
  validationPercent: 15,
  testPercent: 15,
};

/** A session on the toy table with a cpu backend, recording every event it posts; `deps` replace the defaults. */
export function setup(deps: Partial<SessionDeps> = {}) {
  const events: FromWorker[] = [];
  const session = createTrainingSession((m) => events.push(m), {
    selectBackend: async () => ({ backend: 'cpu', reason: message('messages.backend.chosen', { backend: 'cpu' }) }),
    fetchBytes: async (url: string) => new TextEncoder().encode(url.endsWith('bad.csv') ? '' : toyCsv(120)),
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
    ...deps,
  });
  const of = <T extends FromWorker['type']>(type: T) =>
    events.filter((e): e is Extract<FromWorker, { type: T }> => e.type === type);
  const load = () =>
    session.handle({ type: 'loadDataset', source: { kind: 'url', url: '/toy.csv', name: 'toy' }, loadId: 1 });
  /** Creates a run from `c` and trains it to `c.epochs` (or `untilEpoch`). */
  const train = async (c: RunConfig = config, untilEpoch: number | null = c.epochs) => {
    await session.handle({ type: 'createRun', requestId: 1, config: c });
    await session.handle({ type: 'train', untilEpoch });
  };
  return { session, events, of, load, train };
}
