/**
 * Settings ⇄ URL query parameters, through the settings table: only values that differ from the
 * default are written; reading checks every value (a hostile or outdated link gives messages and
 * the defaults, never a crash). Text values are never interpreted as markup by anyone reading them.
 */
import { message, type Message } from '../messages/message.ts';
import { readSettings, type ReadSettings } from './readSettings.ts';
import { SETTING_KEYS, SETTINGS, type TrainSettings } from './settingsTable.ts';

/** Version of the link format, so an old link can be told apart from a broken one. */
export const SETTINGS_URL_VERSION = 1;
/** Settings the loaded table suggests: a link keeps the sharer's values. */
const ALWAYS_WRITTEN = new Set<string>(['batchSize', 'earlyStopping']);
/** Longer parameter values are refused before parsing. */
const MAX_VALUE_CHARS = 20_000;

/** The settings that differ from their defaults, as query parameters (with the format version). */
export function settingsToUrl(settings: TrainSettings): URLSearchParams {
  const params = new URLSearchParams({ v: String(SETTINGS_URL_VERSION) });
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    const definition = SETTINGS[key];
    // Data-dependent settings are always written: at their static default they would otherwise be
    // replaced by the opener's table's suggestion (src/core/settings/dataDefaults.ts).
    if (!ALWAYS_WRITTEN.has(key) && JSON.stringify(value) === JSON.stringify(definition.default)) continue;
    params.set(definition.urlKey, definition.urlFormat === 'json' ? JSON.stringify(value) : String(value));
  }
  return params;
}

/** Reads the settings from query parameters; each unreadable value gets its default and a message. */
export function settingsFromUrl(params: URLSearchParams): ReadSettings {
  const problems: Message[] = [];
  const version = params.get('v');
  if (version !== null && version !== String(SETTINGS_URL_VERSION)) {
    problems.push(message('messages.settings.linkVersion', { version: version.slice(0, 20) }));
  }
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const definition = SETTINGS[key];
    const text = params.get(definition.urlKey);
    if (text === null) continue;
    if (text.length > MAX_VALUE_CHARS) {
      problems.push(message('messages.settings.linkTooLong', { label: definition.label }));
      continue;
    }
    if (definition.urlFormat === 'text') raw[key] = text;
    else {
      try {
        raw[key] = JSON.parse(text) as unknown;
      } catch {
        problems.push(message('messages.settings.linkUnreadable', { label: definition.label }));
      }
    }
  }
  const read = readSettings(raw);
  return { settings: read.settings, problems: [...problems, ...read.problems] };
}
