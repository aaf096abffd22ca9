/**
 * The worker's check of a live patch, against the settings table: only live settings may change
 * a running network; a setting that redefines it (trunk, batch size, seeds, split…) is refused
 * with a sentence, instead of being silently ignored.
 */
import { message, type Message } from '../core/messages/message.ts';
import { checkSetting } from '../core/settings/readSettings.ts';
import { SETTINGS, type SettingKey } from '../core/settings/settingsTable.ts';
import type { RunPatch } from './protocol.ts';

const PATCH_KEYS = [
  'weights',
  'enabled',
  'learningRate',
  'weighting',
  'earlyStopping',
  'untilEpoch',
  'maxStepsPerSecond',
] as const;

/** The patch, checked for a run with `taskCount` tasks; or the reason it is refused. */
export function checkRunPatch(patch: unknown, taskCount: number): { patch: RunPatch } | { error: Message } {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch))
    return { error: message('messages.patch.unreadable') };
  const values = patch as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if ((PATCH_KEYS as readonly string[]).includes(key)) continue;
    const label = Object.hasOwn(SETTINGS, key) ? SETTINGS[key as SettingKey].label : undefined;
    return {
      error: label
        ? message('messages.patch.redefines', { label })
        : message('messages.patch.notLive', { key: key.slice(0, 40) }),
    };
  }
  const out: RunPatch = {};
  if (values.weights !== undefined) {
    const w = values.weights;
    if (
      !Array.isArray(w) ||
      w.length !== taskCount ||
      w.some((x) => typeof x !== 'number' || !Number.isFinite(x) || x < 0)
    )
      return { error: message('messages.patch.weights', { tasks: taskCount }) };
    out.weights = [...(w as number[])];
  }
  if (values.enabled !== undefined) {
    const e = values.enabled;
    if (!Array.isArray(e) || e.length !== taskCount || e.some((x) => typeof x !== 'boolean'))
      return { error: message('messages.patch.switches', { tasks: taskCount }) };
    out.enabled = [...(e as boolean[])];
  }
  if (values.untilEpoch !== undefined && values.untilEpoch !== null) {
    const error = checkSetting('epochs', values.untilEpoch);
    if (error) return { error };
  }
  if (values.untilEpoch !== undefined) out.untilEpoch = values.untilEpoch as number | null;
  for (const key of ['learningRate', 'weighting', 'maxStepsPerSecond'] as const satisfies readonly SettingKey[]) {
    if (values[key] === undefined) continue;
    const checked = SETTINGS[key].validate(values[key], SETTINGS[key].label);
    if (!checked.ok) return { error: checked.error };
    (out as Record<string, unknown>)[key] = checked.value; // the validated value, never the raw one
  }
  if (values.earlyStopping !== undefined) {
    const checked = checkEarlyStopping(values.earlyStopping, taskCount);
    if ('error' in checked) return checked;
    out.earlyStopping = checked.value;
  }
  return { patch: out };
}

function checkEarlyStopping(
  value: unknown,
  taskCount: number,
): { value: NonNullable<RunPatch['earlyStopping']> } | { error: Message } {
  const v = value as Record<string, unknown> | null;
  const monitor = v?.monitor;
  const monitorOk =
    monitor === 'total' || (Number.isInteger(monitor) && (monitor as number) >= 0 && (monitor as number) < taskCount);
  if (!monitorOk) return { error: message('messages.patch.monitor') };
  const checked = SETTINGS.earlyStopping.validate({ ...v, monitor: 'total' }, SETTINGS.earlyStopping.label);
  if (!checked.ok) return { error: checked.error };
  const { enabled, patience } = checked.value;
  return { value: { enabled, patience, monitor: monitor as 'total' | number } };
}
