/**
 * Core messages said in English, outside the page: for tests (which assert the English sentences),
 * the fuzz harness and the benchmarks' logs.
 */
import type { Message } from '../core/messages/message.ts';
import { MessageError } from '../core/messages/messageError.ts';
import { createI18n } from './i18n.ts';
import { renderMessage } from './renderMessage.ts';

const english = createI18n('en');

export function inEnglish(msg: Message): string {
  return renderMessage(english.t, msg);
}

/** The English sentence of the MessageError `run` throws (anything else thrown is thrown on). */
export function thrownInEnglish(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MessageError) return inEnglish(error.detail);
    throw error;
  }
  throw new Error('Expected an error, and none was thrown.');
}

/** The same for a promise that must reject. */
export async function rejectedInEnglish(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MessageError) return inEnglish(error.detail);
    throw error;
  }
  throw new Error('Expected a rejection, and none came.');
}
