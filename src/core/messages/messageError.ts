/**
 * An error whose sentence is meant for the person: it carries a {@link Message}, which crosses the
 * worker boundary as it is and is rendered by the page in its language. Its plain `message` is the
 * key and values, for developers (logs, stack traces) only.
 */
import type { Message } from './message.ts';

export class MessageError extends Error {
  override name = 'MessageError';

  constructor(readonly detail: Message) {
    super(detail.params ? `${detail.key} ${JSON.stringify(detail.params)}` : detail.key);
  }
}
