/**
 * The setup in a link: the sample and every setting that differs from its default, in the URL's
 * hash (never the person's data, never a column of an uploaded file). A classroom link adds what
 * to hide, a lesson to open and the language. Reading one checks every value with the settings
 * table; what is wrong is said and replaced by its default.
 */
import { DEFAULT_SAMPLE_ID, SAMPLE_DATASETS } from '../core/data/sampleDatasets.ts';
import { message, type Message } from '../core/messages/message.ts';
import { defaultSettings, SETTING_KEYS, SETTINGS, type TrainSettings } from '../core/settings/settingsTable.ts';
import { settingsFromUrl, settingsToUrl } from '../core/settings/settingsUrl.ts';
import { languageFor, type LanguageCode } from '../i18n/languages.ts';
import { lessonById } from '../lessons/lessons.ts';
import { HIDEABLE, isHideable, LESSON_NEEDS, type Hideable } from './classroom.ts';

export interface SharedSetup {
  sampleId: string;
  /** The correlated-tasks sample's task correlation, when that sample is shared. */
  correlation?: number;
  settings: TrainSettings;
  problems: Message[];
  /** Classroom links: the panels and controls to hide, the lesson to open, the language. */
  hidden?: Hideable[];
  lessonId?: string;
  language?: LanguageCode;
  /** A link made with the person's own file: which file (its name, rows and hash prefix), to check the one uploaded. */
  file?: SharedFile;
}

/** An uploaded table as a link names it: never its rows, only what tells it apart. */
export interface SharedFile {
  name: string;
  rows: number;
  /** The first 16 hex digits of the file's SHA-256. */
  sha256: string;
}

const SHA_PREFIX = 16;
/** Every parameter a link of this app may hold. */
const LINK_KEYS: ReadonlySet<string> = new Set([
  'v',
  ...SETTING_KEYS.map((k) => SETTINGS[k].urlKey),
  ...['sample', 'corr', 'data', 'file', 'rows', 'sha', 'lesson', 'hide', 'lang'],
]);

export interface ClassroomOptions {
  hidden: readonly Hideable[];
  lessonId: string | null;
  language: string;
}

/** The link for a setup: `base#sample=…&…settings…`; sampleId null = the person's own file (not in the link). */
export function shareLinkFor(
  base: string,
  sampleId: string | null,
  settings: TrainSettings,
  correlation?: number,
  file?: SharedFile,
): string {
  const params = settingsToUrl(settings);
  if (sampleId === null) {
    params.set('data', 'file');
    if (file) {
      params.set('file', file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 100));
      params.set('rows', String(file.rows));
      params.set('sha', file.sha256.slice(0, SHA_PREFIX));
    }
  } else params.set('sample', sampleId);
  if (sampleId === 'correlated' && correlation !== undefined) params.set('corr', String(correlation));
  return `${base.split('#')[0]}#${params.toString()}`;
}

/**
 * A classroom link: a lesson's link holds the lesson (its preset is the setup); otherwise the
 * share link of the setup. Either way it holds what to hide and the language; never the data.
 */
export function classroomLinkFor(
  base: string,
  sampleId: string | null,
  settings: TrainSettings,
  correlation: number | undefined,
  options: ClassroomOptions,
): string {
  const link = options.lessonId ? `${base.split('#')[0]}#` : shareLinkFor(base, sampleId, settings, correlation);
  const [head, hash = ''] = link.split('#');
  const params = new URLSearchParams(hash);
  if (options.lessonId) params.set('lesson', options.lessonId);
  const needs = options.lessonId ? (LESSON_NEEDS[options.lessonId] ?? []) : [];
  const hidden = HIDEABLE.filter((h) => options.hidden.includes(h) && !needs.includes(h));
  if (hidden.length > 0) params.set('hide', hidden.join(','));
  params.set('lang', options.language);
  return `${head}#${params.toString()}`;
}

const setupWithDefaults = (problem: Message): SharedSetup => ({
  sampleId: DEFAULT_SAMPLE_ID,
  settings: defaultSettings(),
  problems: [problem],
});

/** The setup a hash holds, or null when it holds none (a plain visit). Never throws. */
export function readShareLink(hash: string): SharedSetup | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return null;
  if (text.length > 100_000) return setupWithDefaults(message('shell.link.tooLong'));
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return setupWithDefaults(message('shell.link.unreadable'));
  }
  // A link that only names the language is a plain visit in that language.
  if ([...params.keys()].every((k) => k === 'lang') && languageFor(params.get('lang'))) return null;
  // A hash with no value at all is a jump to a panel (#panel-data), not a setup.
  if (!text.includes('=')) return null;
  // Values, but not one this app reads: a mangled or foreign link, said as such.
  if (![...params.keys()].some((k) => LINK_KEYS.has(k))) return setupWithDefaults(message('shell.link.unreadable'));
  const { settings, problems } = settingsFromUrl(params);
  const asked = params.get('sample');
  const sample = SAMPLE_DATASETS.find((s) => s.id === asked);
  if (asked !== null && !sample)
    problems.push(
      message('shell.link.unknownSample', {
        sample: SAMPLE_DATASETS.find((s) => s.id === DEFAULT_SAMPLE_ID)?.label ?? DEFAULT_SAMPLE_ID,
      }),
    );
  const file = params.get('data') === 'file' ? readSharedFile(params) : undefined;
  if (file) problems.push(message('shell.link.ownFileNamed', { name: file.name, count: file.rows }));
  else if (params.get('data') === 'file') problems.push(message('shell.link.ownFile'));
  const correlation = Number(params.get('corr'));
  const shared: SharedSetup = { sampleId: sample?.id ?? DEFAULT_SAMPLE_ID, settings, problems };
  if (file) shared.file = file;
  if (params.has('corr')) {
    if (Number.isFinite(correlation) && correlation >= -1 && correlation <= 1) shared.correlation = correlation;
    else problems.push(message('shell.link.correlation'));
  }
  readClassroom(params, shared);
  return shared;
}

/** The file a link names, when every part of it is well formed (else none: the link still gives the settings). */
function readSharedFile(params: URLSearchParams): SharedFile | undefined {
  const name = params.get('file');
  const rows = Number(params.get('rows'));
  const sha256 = params.get('sha') ?? '';
  // A file's name only: no markup or sentence can ride in it (the page shows it inside its own words).
  if (name === null || name.length > 100 || !/^[\p{L}\p{N} ._()-]+$/u.test(name)) return undefined;
  if (!Number.isInteger(rows) || rows < 1) return undefined;
  if (!new RegExp(`^[0-9a-f]{${SHA_PREFIX}}$`).test(sha256)) return undefined;
  return { name, rows, sha256 };
}

/** What the page says when a file is uploaded after a link that named one: whether it is that file. */
export function sharedFileCheck(file: SharedFile, loaded: { rows: number; sha256: string }): Message {
  const params = { name: file.name, count: file.rows };
  return message(sameSharedFile(file, loaded) ? 'shell.link.sameFile' : 'shell.link.otherFile', params);
}

/** Whether a loaded table is the file a link named. */
export function sameSharedFile(file: SharedFile, loaded: { rows: number; sha256: string }): boolean {
  return loaded.rows === file.rows && loaded.sha256.slice(0, SHA_PREFIX) === file.sha256;
}

function readClassroom(params: URLSearchParams, shared: SharedSetup): void {
  const lessonId = params.get('lesson');
  if (lessonId !== null) {
    if (lessonById(lessonId)) shared.lessonId = lessonId;
    else shared.problems.push(message('shell.link.unknownLesson'));
  }
  const hide = params.get('hide');
  if (hide !== null) {
    const asked = hide.split(',').filter((h) => h !== '');
    const needs = shared.lessonId ? (LESSON_NEEDS[shared.lessonId] ?? []) : [];
    const unknown = asked.filter((h) => !isHideable(h));
    if (unknown.length > 0) shared.problems.push(message('shell.link.unknownHidden', { count: unknown.length }));
    const kept = asked.filter(isHideable).filter((h) => needs.includes(h));
    if (kept.length > 0) shared.problems.push(message('shell.link.lessonNeeds', { count: kept.length }));
    shared.hidden = HIDEABLE.filter((h) => asked.includes(h) && !needs.includes(h));
  }
  const lang = params.get('lang');
  if (lang !== null) {
    const code = languageFor(lang);
    if (code) shared.language = code;
    else shared.problems.push(message('shell.link.unknownLanguage'));
  }
}
