/** 简体中文目录：与英文目录同形（见 translation.ts）。 */
import type { Translation } from '../../translation.ts';
import type { en } from '../en/index.ts';
import { zhCommon } from './common.ts';
import { zhApp } from './app.ts';
import { zhPlayground } from './playground.ts';
import { zhData } from './data.ts';
import { zhModel } from './model.ts';
import { zhResults } from './results.ts';
import { zhDiagnostics } from './diagnostics.ts';
import { zhMessages } from './messages.ts';
import { zhLessons } from './lessons.ts';
import { zhGlossary } from './glossary.ts';
import { zhShell } from './shell.ts';
import { zhOffline } from './offline.ts';
import { zhCharts } from './charts.ts';
import { zhKeep } from './keep.ts';

export const zh: Translation<typeof en> = {
  common: zhCommon,
  app: zhApp,
  playground: zhPlayground,
  data: zhData,
  model: zhModel,
  results: zhResults,
  diagnostics: zhDiagnostics,
  messages: zhMessages,
  lessons: zhLessons,
  glossary: zhGlossary,
  shell: zhShell,
  offline: zhOffline,
  charts: zhCharts,
  keep: zhKeep,
};
