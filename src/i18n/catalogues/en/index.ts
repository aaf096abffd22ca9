/** The English catalogue: one object per area of the app, merged under the area's name. */
import { enCommon } from './common.ts';
import { enApp } from './app.ts';
import { enPlayground } from './playground.ts';
import { enData } from './data.ts';
import { enModel } from './model.ts';
import { enResults } from './results.ts';
import { enDiagnostics } from './diagnostics.ts';
import { enMessages } from './messages.ts';
import { enLessons } from './lessons.ts';
import { enGlossary } from './glossary.ts';
import { enShell } from './shell.ts';
import { enOffline } from './offline.ts';
import { enCharts } from './charts.ts';
import { enKeep } from './keep.ts';

export const en = {
  common: enCommon,
  app: enApp,
  playground: enPlayground,
  data: enData,
  model: enModel,
  results: enResults,
  diagnostics: enDiagnostics,
  messages: enMessages,
  lessons: enLessons,
  glossary: enGlossary,
  shell: enShell,
  offline: enOffline,
  charts: enCharts,
  keep: enKeep,
} as const;
