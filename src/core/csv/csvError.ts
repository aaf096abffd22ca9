/** Thrown for input that cannot become a table; the message is meant for the person. */
export class CsvError extends Error {
  override name = 'CsvError';
}

/** Thrown when the person cancels a load. */
export class CsvCancelled extends Error {
  override name = 'CsvCancelled';
  constructor() {
    super('Loading was cancelled.');
  }
}
