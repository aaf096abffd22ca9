/** Thrown when the roles cannot make a trainable problem; the message is meant for the person. */
export class PrepareError extends Error {
  override name = 'PrepareError';
}
