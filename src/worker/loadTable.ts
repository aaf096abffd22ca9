/**
 * Loading a table in the worker: a sample URL, a picked file or a generated sample → bytes →
 * text → columnar table, with progress and cancellation (an AbortSignal); then its summary for
 * the page. Parsing yields between segments, so it can run beside a training run.
 */
import { decodeText } from '../core/csv/decodeText.ts';
import { CsvCancelled, CsvError, parseCsv, type ParsedCsv } from '../core/csv/parseCsv.ts';
import { summarizeColumns } from '../core/csv/summarizeColumns.ts';
import { cellText, type Table } from '../core/csv/table.ts';
import { generateCorrelatedTasksTable } from '../core/data/correlatedTasksSample.ts';
import { generateEcommerceTable } from '../core/data/ecommerceSample.ts';
import { message, type Message } from '../core/messages/message.ts';
import type { DatasetSource, LoadPhases, WorkerEvent } from './protocol.ts';

/** Files larger than this are refused before reading (the table lives in this tab's memory). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MIB = 1024 * 1024;
/** Progress events at most this often. */
const PROGRESS_INTERVAL_MS = 100;
const PREVIEW_ROWS = 20;

export interface LoadContext {
  fetchBytes(url: string): Promise<Uint8Array>;
  yieldToEventLoop(): Promise<void>;
  onProgress(name: string, fraction: number): void;
  signal: AbortSignal;
}

/** A parsed table with its name and what the load noticed, before it replaces the current one. */
export interface LoadedTable {
  name: string;
  parsed: ParsedCsv;
  encodingNote?: Message;
  startMs: number;
  phases: LoadPhases | null;
  /** The file's size and SHA-256 (of the recipe, for a generated sample). */
  bytes: number;
  sha256: string;
}

/** SHA-256 in hex (Web Crypto: in workers and in Node alike). */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads and parses a source. Throws {@link CsvCancelled} when the signal aborts, {@link CsvError} for bad files. */
export async function loadTable(source: DatasetSource, context: LoadContext): Promise<LoadedTable> {
  const startMs = performance.now();
  if (source.kind === 'generated') {
    const table =
      source.generator === 'ecommerce'
        ? generateEcommerceTable(source.seed)
        : generateCorrelatedTasksTable(source.seed, source.correlation);
    const parsed = {
      table,
      report: { shortRows: 0, longRows: 0, blankRows: 0, firstRaggedRows: [], renamedHeaders: [], delimiter: ',' },
    };
    const { name: _name, ...recipe } = source;
    const sha256 = await sha256Hex(new TextEncoder().encode(JSON.stringify(recipe)));
    return { name: source.name, parsed, startMs, phases: null, bytes: 0, sha256 };
  }
  const name = source.kind === 'url' ? source.name : source.file.name;
  const bytes = await readBytes(source, context);
  if (context.signal.aborted) throw new CsvCancelled();
  const readMs = performance.now();
  const sha256 = await sha256Hex(bytes);
  const decoded = decodeText(bytes);
  const decodeMs = performance.now();
  let lastProgressMs = 0;
  const parsed = await parseCsv(decoded.text, {
    onProgress: (fraction) => {
      const now = performance.now();
      if (now - lastProgressMs < PROGRESS_INTERVAL_MS && fraction < 1) return;
      lastProgressMs = now;
      context.onProgress(name, fraction);
    },
    shouldCancel: () => context.signal.aborted,
    yieldToEventLoop: context.yieldToEventLoop,
  });
  const phases = { readMs: readMs - startMs, decodeMs: decodeMs - readMs, parseMs: performance.now() - decodeMs };
  return {
    name,
    parsed,
    startMs,
    phases,
    bytes: bytes.byteLength,
    sha256,
    ...(decoded.note ? { encodingNote: decoded.note } : {}),
  };
}

/** The page's view of a loaded table: column summaries, a preview and the parse report. */
export function describeTable(loaded: LoadedTable): Omit<WorkerEvent<'datasetLoaded'>, 'loadId'> {
  const table: Table = loaded.parsed.table;
  const previewCount = Math.min(PREVIEW_ROWS, table.rowCount);
  const preview = Array.from({ length: previewCount }, (_, r) => table.columns.map((c) => cellText(c, r)));
  const summarizeStart = performance.now();
  const columns = summarizeColumns(table);
  const timings = loaded.phases ? { ...loaded.phases, summarizeMs: performance.now() - summarizeStart } : undefined;
  return {
    type: 'datasetLoaded',
    name: loaded.name,
    rowCount: table.rowCount,
    columns,
    preview,
    report: loaded.parsed.report,
    fingerprint: { name: loaded.name, rows: table.rowCount, bytes: loaded.bytes, sha256: loaded.sha256 },
    loadMs: performance.now() - loaded.startMs,
    ...(loaded.encodingNote ? { encodingNote: loaded.encodingNote } : {}),
    ...(timings ? { timings } : {}),
  };
}

async function readBytes(source: Exclude<DatasetSource, { kind: 'generated' }>, context: LoadContext) {
  if (source.kind === 'url') return context.fetchBytes(source.url);
  const { file } = source;
  if (file.size > MAX_FILE_BYTES) {
    throw new CsvError(
      message('messages.load.tooLarge', {
        name: file.name,
        size: (file.size / MIB).toFixed(0),
        limit: MAX_FILE_BYTES / MIB,
      }),
    );
  }
  return new Uint8Array(await file.arrayBuffer());
}
