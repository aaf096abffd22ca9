import { MessageError } from '../messages/messageError.ts';

/** Thrown when the roles cannot make a trainable problem; its message is meant for the person. */
export class PrepareError extends MessageError {
  override name = 'PrepareError';
}
