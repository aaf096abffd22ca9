import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../i18n/inEnglish.ts';
import { DEFAULT_SCHEDULE } from '../train/schedules.ts';
import { DEFAULT_WEIGHTING } from '../weighting/strategies.ts';
import { readSettings } from './readSettings.ts';
import { defaultSettings, redefiningKeys, SETTINGS, type TrainSettings } from './settingsTable.ts';
import { settingsFromUrl, settingsToUrl } from './settingsUrl.ts';

describe('settings table', () => {
  it('holds the defaults a new page starts with', () => {
    expect(defaultSettings()).toEqual({
      epochs: 100,
      standardizeTargets: true,
      runUntilPaused: false,
      maxStepsPerSecond: 0,
      batchSize: 64,
      learningRate: 0.005,
      seed: 42,
      splitSeed: 42,
      validationPercent: 15,
      testPercent: 15,
      trunk: [
        { units: 64, activation: 'relu', dropout: 0 },
        { units: 64, activation: 'relu', dropout: 0 },
      ],
      experts: 1,
      headHidden: {},
      embeddingDim: 0,
      optimizer: 'adam',
      schedule: DEFAULT_SCHEDULE,
      l1: 0,
      l2: 0,
      clipNorm: 0,
      weighting: DEFAULT_WEIGHTING,
      earlyStopping: { enabled: true, monitor: 'total', patience: 5 },
    });
  });

  it('hands out copies: editing the defaults does not edit the table', () => {
    const d = defaultSettings();
    d.trunk[0]!.units = 3;
    expect(SETTINGS.trunk.default[0]?.units).toBe(64);
  });

  it('says which settings redefine the run and which are live', () => {
    expect(redefiningKeys({ batchSize: 8, learningRate: 0.1, trunk: [] })).toEqual(['batchSize', 'trunk']);
    expect(
      redefiningKeys({
        learningRate: 0.1,
        weighting: DEFAULT_WEIGHTING,
        earlyStopping: SETTINGS.earlyStopping.default,
        epochs: 3,
      }),
    ).toEqual([]);
    for (const key of ['seed', 'splitSeed', 'validationPercent', 'testPercent', 'experts', 'optimizer'] as const)
      expect(SETTINGS[key].effect).toBe('redefines');
  });

  it('every default passes its own validation', () => {
    for (const [key, d] of Object.entries(SETTINGS))
      expect(d.validate(d.default, d.label), key).toEqual({ ok: true, value: d.default });
  });
});

describe('readSettings: values from outside', () => {
  it('keeps valid values and replaces each bad one by its default, with a message naming it', () => {
    const { settings, problems } = readSettings({
      batchSize: -3,
      learningRate: '0.01',
      trunk: [{ units: 32, activation: 'tanh', dropout: 0.1 }],
      optimizer: '<img src=x onerror=alert(1)>',
      epochs: 1.5,
      unknown: 7,
    });
    expect(settings.batchSize).toBe(64);
    expect(settings.learningRate).toBe(0.01);
    expect(settings.trunk).toEqual([{ units: 32, activation: 'tanh', dropout: 0.1 }]);
    expect(settings.optimizer).toBe('adam');
    expect(settings.epochs).toBe(SETTINGS.epochs.default);
    expect(problems.map(inEnglish)).toEqual([
      'Epochs must be a whole number. The default is used.',
      'Batch size must be between 1 and 65536. The default is used.',
      'Optimizer must be one of sgd, momentum, rmsprop, adam. The default is used.',
    ]);
  });

  it('never crashes on hostile shapes: null, arrays, prototype keys, nested garbage, NaN, Infinity', () => {
    const hostile: unknown[] = [
      null,
      42,
      'x',
      [],
      JSON.parse('{"__proto__": {"polluted": true}, "batchSize": 8}'),
      { trunk: 'big', schedule: [1, 2], weighting: { strategy: 'magic' }, headHidden: { __proto__: 3 } },
      { headHidden: JSON.parse('{"__proto__": 5}') },
      { learningRate: NaN, l2: Infinity, seed: -1, trunk: Array.from({ length: 100 }, () => ({})) },
      { earlyStopping: { enabled: 'yes', monitor: 'total', patience: 3 } },
    ];
    for (const input of hostile) {
      const { settings, problems } = readSettings(input);
      expect(Object.keys(settings).sort()).toEqual(Object.keys(defaultSettings()).sort());
      expect(problems.map(inEnglish).every((p) => typeof p === 'string' && p.length < 300)).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readSettings(JSON.parse('{"__proto__": {"x": 1}, "batchSize": 8}')).settings.batchSize).toBe(8);
    expect(readSettings({ headHidden: JSON.parse('{"__proto__": 5}') }).problems.map(inEnglish)).toEqual([
      'Hidden units of the heads has an invalid column name. The default is used.',
    ]);
    expect(readSettings(null).problems.map(inEnglish)).toEqual([
      'The settings were not readable; the defaults are used.',
    ]);
  });

  it('checks the split as a whole: validation and test must leave 20 % for training', () => {
    const { settings, problems } = readSettings({ validationPercent: 50, testPercent: 45 });
    expect([settings.validationPercent, settings.testPercent]).toEqual([15, 15]);
    expect(problems.map(inEnglish)).toEqual([
      'Validation % and Test % together must leave at least 20 % of the rows for training. The default split is used.',
    ]);
  });
});

describe('settings in a URL', () => {
  const changed: TrainSettings = {
    ...defaultSettings(),
    batchSize: 256,
    learningRate: 0.002,
    trunk: [{ units: 128, activation: 'leakyRelu', dropout: 0.3 }],
    headHidden: { income: 32 },
    weighting: { strategy: 'dwa', dwaTemperature: 3, gradNormAlpha: 1.5 },
    earlyStopping: { enabled: true, monitor: 'income', patience: 4 },
  };

  it('round-trips, writing only what differs from the defaults', () => {
    const params = settingsToUrl(changed);
    expect([...params.keys()].sort()).toEqual(['batch', 'early', 'heads', 'lr', 'trunk', 'v', 'weighting']);
    const back = settingsFromUrl(new URLSearchParams(params.toString()));
    expect(back).toEqual({ settings: changed, problems: [] });
  });

  it('a hostile, truncated, huge or old-version link gives messages and the defaults', () => {
    const cases: [string, RegExp][] = [
      ['batch=abc', /Batch size must be a number/],
      ['trunk=%5B%7B%22units%22%3A', /Trunk in the link is not readable/],
      [`lr=${'9'.repeat(30_000)}`, /too long/],
      ['opt=%3Cscript%3Ealert(1)%3C%2Fscript%3E', /Optimizer must be one of/],
      ['v=999&epochs=5', /another version of the app/],
      ['weighting=%7B%22strategy%22%3A1%7D', /Weighting: strategy must be one of/],
    ];
    for (const [query, message] of cases) {
      const { settings, problems } = settingsFromUrl(new URLSearchParams(query));
      expect(problems.map(inEnglish).join(' '), query).toMatch(message);
      expect(settings.batchSize).toBe(64);
    }
    expect(settingsFromUrl(new URLSearchParams('v=999&epochs=5')).settings.epochs).toBe(5);
  });
});
