/**
 * The setup in a link: the sample and every setting that differs from its default, in the URL's
 * hash (never the person's data, never a column of an uploaded file). Reading one checks every
 * value with the settings table; what is wrong is said and replaced by its default.
 */
import { DEFAULT_SAMPLE_ID, SAMPLE_DATASETS } from '../core/data/sampleDatasets.ts';
import { defaultSettings, type TrainSettings } from '../core/settings/settingsTable.ts';
import { settingsFromUrl, settingsToUrl } from '../core/settings/settingsUrl.ts';

export interface SharedSetup {
  sampleId: string;
  /** The correlated-tasks sample's task correlation, when that sample is shared. */
  correlation?: number;
  settings: TrainSettings;
  problems: string[];
}

/** The link for a setup: `base#sample=…&…settings…`; sampleId null = the person's own file (not in the link). */
export function shareLinkFor(
  base: string,
  sampleId: string | null,
  settings: TrainSettings,
  correlation?: number,
): string {
  const params = settingsToUrl(settings);
  if (sampleId === null) params.set('data', 'file');
  else params.set('sample', sampleId);
  if (sampleId === 'correlated' && correlation !== undefined) params.set('corr', String(correlation));
  return `${base.split('#')[0]}#${params.toString()}`;
}

/** The setup a hash holds, or null when it holds none (a plain visit). Never throws. */
export function readShareLink(hash: string): SharedSetup | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return null;
  if (text.length > 100_000)
    return {
      sampleId: DEFAULT_SAMPLE_ID,
      settings: defaultSettings(),
      problems: ['The link is too long to be a setup; the defaults are used.'],
    };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return {
      sampleId: DEFAULT_SAMPLE_ID,
      settings: defaultSettings(),
      problems: ['The link is not readable; the defaults are used.'],
    };
  }
  const { settings, problems } = settingsFromUrl(params);
  const asked = params.get('sample');
  const sample = SAMPLE_DATASETS.find((s) => s.id === asked);
  if (asked !== null && !sample)
    problems.push(
      `The link names a sample this app does not have; ${SAMPLE_DATASETS.find((s) => s.id === DEFAULT_SAMPLE_ID)?.label ?? 'the default sample'} is loaded.`,
    );
  if (params.get('data') === 'file')
    problems.push(
      'It was made with a file of its own, which a link never holds: upload that file, then press Train; its settings are set.',
    );
  const correlation = Number(params.get('corr'));
  const shared: SharedSetup = { sampleId: sample?.id ?? DEFAULT_SAMPLE_ID, settings, problems };
  if (params.has('corr')) {
    if (Number.isFinite(correlation) && correlation >= -1 && correlation <= 1) shared.correlation = correlation;
    else problems.push("Task correlation in the link must be between −1 and 1; the sample's own is used.");
  }
  return shared;
}
