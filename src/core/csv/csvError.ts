import { MessageError } from '../messages/messageError.ts';

/** Thrown for input that cannot become a table; its message is meant for the person. */
export class CsvError extends MessageError {
  override name = 'CsvError';
}

/** Thrown when the person cancels a load (never shown: the page just ends the load). */
export class CsvCancelled extends Error {
  override name = 'CsvCancelled';
  constructor() {
    super('Loading was cancelled.');
  }
}
