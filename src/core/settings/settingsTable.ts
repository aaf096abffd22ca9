/**
 * Every training setting once (in the spirit of TensorFlow Playground's `State.PROPS`): its
 * default, its validation, whether it is live (changeable while a run trains) or redefines the
 * run (a new network, so the trained weights go), and its URL key. The page's defaults, the
 * dialog that asks before discarding weights, the worker's checks and share links all read it.
 */
import { MIN_TRAIN_PERCENT } from '../data/split.ts';
import { DEFAULT_SCHEDULE, type LearningRateSchedule, type ScheduleKind } from '../train/schedules.ts';
import type { OptimizerKind } from '../train/optimizerKinds.ts';
import type { Activation, DenseLayerSpec } from '../types.ts';
import { DEFAULT_WEIGHTING, type WeightingConfig } from '../weighting/strategies.ts';
import { message, type Message } from '../messages/message.ts';
import { boolean, listOf, mapOf, numberIn, oneOf, record, type Validator } from './settingCodecs.ts';

/** Early stopping on the validation loss of a task (by name on the page) or of the weighted total. */
export interface EarlyStoppingSettings {
  enabled: boolean;
  /** 'total' or a task (target column) name. */
  monitor: string;
  patience: number;
}

/** Live: applied to a running run from its next step. Redefines: a new run (new network or split). */
export type SettingEffect = 'live' | 'redefines';

export interface SettingDefinition<T> {
  /** The name a person sees, in the sentences that name the setting. */
  label: Message;
  default: T;
  effect: SettingEffect;
  validate: Validator<T>;
  /** Query-parameter name in a share link. */
  urlKey: string;
  /** Plain values travel as text, structured ones as JSON. */
  urlFormat: 'text' | 'json';
}

const ACTIVATIONS: readonly Activation[] = ['relu', 'leakyRelu', 'elu', 'selu', 'tanh', 'sigmoid', 'linear'];
const OPTIMIZERS: readonly OptimizerKind[] = ['sgd', 'momentum', 'rmsprop', 'adam'];
const SCHEDULES: readonly ScheduleKind[] = ['constant', 'step', 'exponential', 'cosine'];
const STRATEGIES: readonly WeightingConfig['strategy'][] = [
  'manual',
  'equal',
  'uncertainty',
  'dwa',
  'gradnorm',
  'pcgrad',
];
const MAX_SEED = 2 ** 31 - 1;

const define = <T>(d: SettingDefinition<T>) => d;

/** The settings, in the order a person meets them. */
export const SETTINGS = {
  epochs: define({
    label: message('messages.settings.labels.epochs'),
    // With early stopping on by default this is a cap (bench/quality/README.md).
    default: 100,
    effect: 'live',
    validate: numberIn(1, 10_000, true),
    urlKey: 'epochs',
    urlFormat: 'text',
  }),
  standardizeTargets: define({
    label: message('messages.settings.labels.standardizeTargets'),
    default: true,
    effect: 'redefines',
    validate: boolean,
    urlKey: 'zscore',
    urlFormat: 'text',
  }),
  runUntilPaused: define({
    label: message('messages.settings.labels.runUntilPaused'),
    default: false,
    effect: 'live',
    validate: boolean,
    urlKey: 'endless',
    urlFormat: 'text',
  }),
  maxStepsPerSecond: define({
    label: message('messages.settings.labels.maxStepsPerSecond'),
    default: 0,
    effect: 'live',
    // 0 = no limit; otherwise at least 0.1 step/s, so a wait between steps stays under ten seconds.
    validate: (v, label) => {
      const checked = numberIn(0, 1000)(v, label);
      return checked.ok && checked.value > 0 && checked.value < 0.1
        ? { ok: false, error: message('messages.settings.speedLimit', { label }) }
        : checked;
    },
    urlKey: 'speed',
    urlFormat: 'text',
  }),
  batchSize: define({
    label: message('messages.settings.labels.batchSize'),
    default: 64,
    effect: 'redefines',
    validate: numberIn(1, 65_536, true),
    urlKey: 'batch',
    urlFormat: 'text',
  }),
  learningRate: define({
    label: message('messages.settings.labels.learningRate'),
    default: 0.005,
    effect: 'live',
    validate: numberIn(1e-9, 1e9),
    urlKey: 'lr',
    urlFormat: 'text',
  }),
  seed: define({
    label: message('messages.settings.labels.seed'),
    default: 42,
    effect: 'redefines',
    validate: numberIn(0, MAX_SEED, true),
    urlKey: 'seed',
    urlFormat: 'text',
  }),
  splitSeed: define({
    label: message('messages.settings.labels.splitSeed'),
    default: 42,
    effect: 'redefines',
    validate: numberIn(0, MAX_SEED, true),
    urlKey: 'splitSeed',
    urlFormat: 'text',
  }),
  validationPercent: define({
    label: message('messages.settings.labels.validationPercent'),
    default: 15,
    effect: 'redefines',
    validate: numberIn(1, 100 - MIN_TRAIN_PERCENT, true),
    urlKey: 'val',
    urlFormat: 'text',
  }),
  testPercent: define({
    label: message('messages.settings.labels.testPercent'),
    default: 15,
    effect: 'redefines',
    validate: numberIn(0, 100 - MIN_TRAIN_PERCENT - 1, true),
    urlKey: 'test',
    urlFormat: 'text',
  }),
  trunk: define<DenseLayerSpec[]>({
    label: message('messages.settings.labels.trunk'),
    default: [
      { units: 64, activation: 'relu', dropout: 0 },
      { units: 64, activation: 'relu', dropout: 0 },
    ],
    effect: 'redefines',
    validate: listOf(
      record<DenseLayerSpec>({
        units: numberIn(1, 4096, true),
        activation: oneOf(ACTIVATIONS),
        dropout: numberIn(0, 0.9),
      }),
      1,
      8,
    ),
    urlKey: 'trunk',
    urlFormat: 'json',
  }),
  experts: define({
    label: message('messages.settings.labels.experts'),
    default: 1,
    effect: 'redefines',
    validate: numberIn(1, 16, true),
    urlKey: 'experts',
    urlFormat: 'text',
  }),
  headHidden: define<Record<string, number>>({
    label: message('messages.settings.labels.headHidden'),
    default: {},
    effect: 'redefines',
    validate: mapOf(numberIn(0, 1024, true)),
    urlKey: 'heads',
    urlFormat: 'json',
  }),
  embeddingDim: define({
    label: message('messages.settings.labels.embeddingDim'),
    default: 0,
    effect: 'redefines',
    validate: numberIn(0, 256, true),
    urlKey: 'embed',
    urlFormat: 'text',
  }),
  optimizer: define<OptimizerKind>({
    label: message('messages.settings.labels.optimizer'),
    default: 'adam',
    effect: 'redefines',
    validate: oneOf(OPTIMIZERS),
    urlKey: 'opt',
    urlFormat: 'text',
  }),
  schedule: define<LearningRateSchedule>({
    label: message('messages.settings.labels.schedule'),
    default: DEFAULT_SCHEDULE,
    effect: 'redefines',
    validate: record<LearningRateSchedule>({
      kind: oneOf(SCHEDULES),
      everyEpochs: numberIn(0.1, 1000),
      factor: numberIn(0.01, 1),
      decayRate: numberIn(0.01, 1),
      warmupEpochs: numberIn(0, 1000),
      totalEpochs: numberIn(1, 10_000),
      minFraction: numberIn(0, 1),
    }),
    urlKey: 'schedule',
    urlFormat: 'json',
  }),
  l1: define({
    label: message('messages.settings.labels.l1'),
    default: 0,
    effect: 'redefines',
    validate: numberIn(0, 1),
    urlKey: 'l1',
    urlFormat: 'text',
  }),
  l2: define({
    label: message('messages.settings.labels.l2'),
    default: 0,
    effect: 'redefines',
    validate: numberIn(0, 1),
    urlKey: 'l2',
    urlFormat: 'text',
  }),
  clipNorm: define({
    label: message('messages.settings.labels.clipNorm'),
    default: 0,
    effect: 'redefines',
    validate: numberIn(0, 1e6),
    urlKey: 'clip',
    urlFormat: 'text',
  }),
  weighting: define<WeightingConfig>({
    label: message('messages.settings.labels.weighting'),
    default: DEFAULT_WEIGHTING,
    effect: 'live',
    validate: record<WeightingConfig>({
      strategy: oneOf(STRATEGIES),
      dwaTemperature: numberIn(0.1, 100),
      gradNormAlpha: numberIn(0, 10),
    }),
    urlKey: 'weighting',
    urlFormat: 'json',
  }),
  earlyStopping: define<EarlyStoppingSettings>({
    label: message('messages.settings.labels.earlyStopping'),
    default: { enabled: true, monitor: 'total', patience: 5 },
    effect: 'live',
    validate: record<EarlyStoppingSettings>({
      enabled: boolean,
      monitor: (v, label) =>
        typeof v === 'string' && v.length > 0 && v.length <= 1000
          ? { ok: true, value: v }
          : { ok: false, error: message('messages.settings.monitor', { label }) },
      patience: numberIn(1, 1000, true),
    }),
    urlKey: 'early',
    urlFormat: 'json',
  }),
};

export type SettingKey = keyof typeof SETTINGS;

/** The value type of each setting, read off the table. */
export type TrainSettings = { [K in SettingKey]: (typeof SETTINGS)[K]['default'] };

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The defaults, as one fresh object (nested values copied, so nobody edits the table). */
export function defaultSettings(): TrainSettings {
  return structuredClone(Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as TrainSettings);
}

/** The keys of a patch that would define a new run (changing them discards the trained weights). */
export function redefiningKeys(patch: Partial<TrainSettings>): SettingKey[] {
  return (Object.keys(patch) as SettingKey[]).filter((k) => SETTINGS[k]?.effect === 'redefines');
}
