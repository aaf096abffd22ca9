/**
 * Small validators for the settings table: each turns an unknown value (from the page, a saved run
 * or a URL) into a typed value or says in one sentence what is wrong with it. Never throws.
 */
import { commaList, message, type Message } from '../messages/message.ts';

/** A checked value, or the reason it was refused (a sentence for the person). */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: Message };

/** Validates one value. `label` is the name a person sees, used in the error. */
export type Validator<T> = (value: unknown, label: Message) => Checked<T>;

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = <T>(error: Message): Checked<T> => ({ ok: false, error });

/** A finite number in [min, max] (optionally an integer). Numeric strings are accepted (URLs). */
export function numberIn(min: number, max: number, integer = false): Validator<number> {
  return (value, label) => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) return fail(message('messages.settings.notNumber', { label }));
    if (integer && !Number.isInteger(n)) return fail(message('messages.settings.notWhole', { label }));
    if (n < min || n > max) return fail(message('messages.settings.outOfRange', { label, min, max }));
    return ok(n);
  };
}

/** One of a fixed set of strings. */
export function oneOf<T extends string>(choices: readonly T[]): Validator<T> {
  return (value, label) =>
    typeof value === 'string' && (choices as readonly string[]).includes(value)
      ? ok(value as T)
      : fail(message('messages.settings.notOneOf', { label, choices: commaList(choices) }));
}

/** true or false ("true"/"false" from a URL). */
export const boolean: Validator<boolean> = (value, label) => {
  if (typeof value === 'boolean') return ok(value);
  if (value === 'true' || value === 'false') return ok(value === 'true');
  return fail(message('messages.settings.notOnOff', { label }));
};

/** A plain object whose listed fields each pass their validator; unknown fields are dropped. */
export function record<T extends object>(fields: { [K in keyof T]: Validator<T[K]> }): Validator<T> {
  return (value, label) => {
    if (!isPlainObject(value)) return fail(message('messages.settings.notRecord', { label }));
    const out = {} as T;
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      const checked = fields[key](value[key], message('messages.settings.field', { label, field: key }));
      if (!checked.ok) return checked;
      out[key] = checked.value;
    }
    return ok(out);
  };
}

/** An array of between min and max items, each passing `item`. */
export function listOf<T>(item: Validator<T>, min: number, max: number): Validator<T[]> {
  return (value, label) => {
    if (!Array.isArray(value)) return fail(message('messages.settings.notList', { label }));
    if (value.length < min || value.length > max)
      return fail(message('messages.settings.listLength', { label, min, max }));
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const checked = item(value[i], message('messages.settings.item', { label, index: i + 1 }));
      if (!checked.ok) return checked;
      out.push(checked.value);
    }
    return ok(out);
  };
}

/** A map from column name to a value. Keys that could reach Object.prototype are refused. */
export function mapOf<T>(item: Validator<T>, maxEntries = 10_000): Validator<Record<string, T>> {
  return (value, label) => {
    if (!isPlainObject(value)) return fail(message('messages.settings.notMap', { label }));
    const keys = Object.keys(value);
    if (keys.length > maxEntries) return fail(message('messages.settings.tooManyEntries', { label }));
    const out: Record<string, T> = Object.create(null) as Record<string, T>;
    for (const key of keys) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype')
        return fail(message('messages.settings.invalidColumn', { label }));
      const checked = item(value[key], message('messages.settings.ofColumn', { label, column: key }));
      if (!checked.ok) return checked;
      out[key] = checked.value;
    }
    return ok({ ...out });
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
