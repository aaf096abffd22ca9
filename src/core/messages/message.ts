/**
 * A sentence for a person, as a catalogue key and its values, so the page can say it in the
 * person's language (src/i18n renders it). The core and the worker never build sentences
 * themselves. A value may itself be a message (a role name, a reason), rendered first.
 */
export type MessageParam = string | number | Message;

export interface Message {
  /** A key of the `messages` area of the catalogue, e.g. `messages.csv.unterminatedQuote`. */
  key: string;
  params?: Record<string, MessageParam>;
}

export function message(key: string, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

/**
 * The keys that are no catalogue entry but a list, joined by the page in its language: sentences
 * (with a space in English), items (", ") and clauses ("; ").
 */
export const JOIN_KEYS = ['messages.list', 'messages.commaList', 'messages.semicolonList', 'messages.dotList'] as const;

/** Several messages said as one (joined with a space in the page's language). */
export function messages(list: readonly Message[]): Message {
  return list.length === 1 ? (list[0] as Message) : { key: 'messages.list', params: indexed(list) };
}

/** Items of a list ("2, 4, 9", "row 8: "12,5", row 31: "n.a.""), joined with the language's comma. */
export function commaList(items: readonly MessageParam[]): Message {
  return { key: 'messages.commaList', params: indexed(items) };
}

/** Clauses said in one sentence, joined with the language's semicolon. */
export function semicolonList(items: readonly MessageParam[]): Message {
  return { key: 'messages.semicolonList', params: indexed(items) };
}

/** Short items side by side ("a → 2 · b off"), joined with a middle dot in every language. */
export function dotList(items: readonly MessageParam[]): Message {
  return { key: 'messages.dotList', params: indexed(items) };
}

function indexed(list: readonly MessageParam[]): Record<string, MessageParam> {
  return Object.fromEntries(list.map((m, i) => [`m${i}`, m]));
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}
