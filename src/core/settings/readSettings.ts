/**
 * Reading settings back from outside (a saved run, a share link, an older version of the app):
 * every value is checked against the settings table; one that is missing keeps the default, one
 * that is wrong gets the default and a sentence for the person. Never throws.
 */
import { MIN_TRAIN_PERCENT } from '../data/split.ts';
import { message, type Message } from '../messages/message.ts';
import { defaultSettings, SETTING_KEYS, SETTINGS, type SettingKey, type TrainSettings } from './settingsTable.ts';

export interface ReadSettings {
  settings: TrainSettings;
  /** One sentence per value that was refused (and replaced by its default). */
  problems: Message[];
}

/** Checks a settings object value by value. */
export function readSettings(input: unknown): ReadSettings {
  const settings = defaultSettings();
  const problems: Message[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      settings,
      problems: input === undefined ? [] : [message('messages.settings.unreadable')],
    };
  }
  const values = input as Record<string, unknown>;
  for (const key of SETTING_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(values, key) || values[key] === undefined) continue;
    accept(settings, key, values[key], problems);
  }
  checkSplit(settings, problems);
  return { settings, problems };
}

/** Checks one value of a patch; returns the error sentence, or null when it is valid. */
export function checkSetting<K extends SettingKey>(key: K, value: unknown): Message | null {
  const checked = SETTINGS[key].validate(value, SETTINGS[key].label);
  return checked.ok ? null : checked.error;
}

/** The shares of validation and test must leave enough rows for training. */
export function splitProblem(validationPercent: number, testPercent: number): Message | null {
  return 100 - validationPercent - testPercent >= MIN_TRAIN_PERCENT
    ? null
    : message('messages.settings.split', { min: MIN_TRAIN_PERCENT });
}

function accept(settings: TrainSettings, key: SettingKey, value: unknown, problems: Message[]): void {
  const definition = SETTINGS[key];
  const checked = definition.validate(value, definition.label);
  if (checked.ok) (settings as Record<SettingKey, unknown>)[key] = checked.value;
  else problems.push(message('messages.settings.defaultUsed', { problem: checked.error }));
}

function checkSplit(settings: TrainSettings, problems: Message[]): void {
  const problem = splitProblem(settings.validationPercent, settings.testPercent);
  if (!problem) return;
  problems.push(message('messages.settings.defaultSplitUsed', { problem }));
  settings.validationPercent = SETTINGS.validationPercent.default;
  settings.testPercent = SETTINGS.testPercent.default;
}
