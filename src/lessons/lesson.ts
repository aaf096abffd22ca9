/**
 * A guided lesson: a preset (sample, roles, settings, weights) the playground opens with, a few
 * steps to try, and for each step a check computed from the runs made while the lesson is open,
 * so the page can tell the person whether they saw what the lesson is about. Texts live in the
 * catalogue (`lessons.<id>.…`); a step's detail is a message with the measured values.
 */
import type { Message } from '../core/messages/message.ts';
import type { TrainSettings } from '../core/settings/settingsTable.ts';
import type { ColumnRole } from '../core/types.ts';
import type { GlossaryTermId } from '../i18n/glossaryTerms.ts';
import type { AppState } from '../state/store.ts';
import type { RunRecord } from './runRecord.ts';

export interface LessonPreset {
  sampleId: string;
  /** The correlated-tasks sample's task correlation. */
  correlation?: number;
  /** Roles over the sample's own (e.g. a target left out to keep the lesson quick). */
  roles?: Record<string, ColumnRole>;
  /** Settings over the defaults; applied after the table's data-dependent defaults. */
  settings: Partial<TrainSettings>;
  weights?: Record<string, number>;
}

/** What a step's check sees: every run made since the lesson opened (the current one last) and the page. */
export interface LessonContext {
  runs: readonly RunRecord[];
  state: AppState;
}

export interface CheckOutcome {
  done: boolean;
  /** The measured values behind the verdict, said to the person (null: nothing measured yet). */
  detail: Message | null;
}

export interface LessonStep {
  id: string;
  /** Catalogue key of what to try. */
  tryKey: string;
  check(context: LessonContext): CheckOutcome;
}

export interface Lesson {
  id: string;
  titleKey: string;
  /** Catalogue keys: one sentence on what the lesson shows, and what to look at on the screen. */
  goalKey: string;
  lookAtKey: string;
  /** Glossary terms the lesson relies on (offered as "?" helps in its panel). */
  terms: GlossaryTermId[];
  preset: LessonPreset;
  steps: LessonStep[];
}

export const NOT_YET: CheckOutcome = { done: false, detail: null };
