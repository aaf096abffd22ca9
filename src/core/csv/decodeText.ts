/** Bytes of an uploaded file → text: UTF-8 when valid, else Windows-1252; binary files refused. */
import { message, type Message } from '../messages/message.ts';
import { CsvError } from './csvError.ts';

export interface DecodedText {
  text: string;
  /** The encoding used, and a note for the person when it was not plain UTF-8. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  note?: Message;
}

/** Looks for NUL bytes, which text files never contain, in the first 64 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65536);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decodes a file's bytes. A UTF-16 byte-order mark selects UTF-16; otherwise the bytes must be
 * valid UTF-8, or they are read as Windows-1252 (a superset of Latin-1, what spreadsheet exports
 * on Windows usually are), and the note says so.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: new TextDecoder('utf-16le').decode(bytes),
      encoding: 'utf-16le',
      note: message('messages.csv.encoding.utf16le'),
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: new TextDecoder('utf-16be').decode(bytes),
      encoding: 'utf-16be',
      note: message('messages.csv.encoding.utf16be'),
    };
  if (looksBinary(bytes)) {
    throw new CsvError(message('messages.csv.binary'));
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      note: message('messages.csv.encoding.windows1252'),
    };
  }
}
