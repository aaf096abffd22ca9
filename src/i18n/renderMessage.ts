/** A core message in the page's language: its nested messages first, then the key with its values. */
import type { TFunction } from 'i18next';
import { isMessage, type JOIN_KEYS, type Message } from '../core/messages/message.ts';

/** What each list key is joined with, in the page's language. */
const SEPARATORS = {
  'messages.list': 'messages.sentenceSeparator',
  'messages.commaList': 'messages.commaSeparator',
  'messages.semicolonList': 'messages.semicolonSeparator',
  'messages.dotList': 'messages.dotSeparator',
} as const satisfies Record<(typeof JOIN_KEYS)[number], string>;

export function renderMessage(t: TFunction, msg: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(msg.params ?? {}))
    params[name] = isMessage(value) ? renderMessage(t, value) : value;
  if (Object.hasOwn(SEPARATORS, msg.key)) {
    const separator = SEPARATORS[msg.key as keyof typeof SEPARATORS];
    const parts = Object.keys(params)
      .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
      .map((k) => params[k]);
    return parts.join(t(separator));
  }
  // Keys come from the core at run time; an unknown one falls back to the key itself (a test guards that).
  return (t as unknown as (key: string, options: object) => string)(msg.key, params);
}
