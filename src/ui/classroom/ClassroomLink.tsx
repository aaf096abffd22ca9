import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './classroom.css';
import { LESSONS } from '../../lessons/lessons.ts';
import { HIDEABLE, LESSON_NEEDS, type Hideable } from '../../state/classroom.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { copyText } from '../copyText.ts';

/** Catalogue keys of the hideable parts (literal, so the catalogue test sees them). */
const HIDEABLE_LABEL: Record<Hideable, string> = {
  upload: 'shell.classroom.parts.upload',
  samples: 'shell.classroom.parts.samples',
  backend: 'shell.classroom.parts.backend',
  weighting: 'shell.classroom.parts.weighting',
  share: 'shell.classroom.parts.share',
  'panel-data': 'shell.classroom.parts.panelData',
  'panel-model': 'shell.classroom.parts.panelModel',
  'panel-results': 'shell.classroom.parts.panelResults',
  'panel-diagnostics': 'shell.classroom.parts.panelDiagnostics',
  'panel-sharing': 'shell.classroom.parts.panelSharing',
  'panel-keep': 'shell.classroom.parts.panelKeep',
  glossary: 'shell.classroom.parts.glossary',
};

type ShellKey = 'shell.classroom.parts.upload';

/**
 * A link for students: the current setup or a lesson, with chosen panels and controls hidden, in
 * the page's language. What a chosen lesson needs cannot be ticked. Never the person's own data.
 */
export function ClassroomLink() {
  const { t, i18n } = useTranslation();
  const controller = useController();
  const openLesson = useAppState((s) => s.lesson?.id ?? null);
  const uploaded = useAppState((s) => s.datasetFromFile);
  const [open, setOpen] = useState(false);
  const [hidden, setHidden] = useState<Hideable[]>(['upload', 'backend']);
  const [lessonId, setLessonId] = useState<string | null>(null);
  const [made, setMade] = useState<{ link: string; copied: boolean } | null>(null);
  const lesson = lessonId ?? (open ? openLesson : null);
  const needs = lesson ? (LESSON_NEEDS[lesson] ?? []) : [];
  const make = async () => {
    const link = controller.classroomLink(window.location.href, { hidden, lessonId: lesson, language: i18n.language });
    setMade({ link, copied: await copyText(link) });
  };
  return (
    <div className="classroom">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('shell.classroom.open')}
      </button>
      {open && (
        <div className="classroom-form" role="group" aria-label={t('shell.classroom.form')}>
          <label>
            {t('shell.classroom.lesson')}{' '}
            <select value={lesson ?? ''} onChange={(e) => setLessonId(e.target.value || null)}>
              <option value="">{t('shell.classroom.noLesson')}</option>
              {LESSONS.map((l) => (
                <option key={l.id} value={l.id}>
                  {t(l.titleKey as 'lessons.relatedTasks.title')}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('shell.classroom.hide')}</legend>
            {HIDEABLE.map((h) => (
              <label key={h} className="check">
                <input
                  type="checkbox"
                  checked={hidden.includes(h) && !needs.includes(h)}
                  disabled={needs.includes(h)}
                  onChange={(e) => setHidden(e.target.checked ? [...hidden, h] : hidden.filter((x) => x !== h))}
                />{' '}
                {t(HIDEABLE_LABEL[h] as ShellKey)}
                {needs.includes(h) && <span className="muted"> {t('shell.classroom.lessonNeeds')}</span>}
              </label>
            ))}
          </fieldset>
          <p className="muted">{uploaded && !lesson ? t('shell.classroom.ownFile') : t('shell.classroom.noData')}</p>
          <button type="button" className="primary" onClick={() => void make()}>
            {t('shell.classroom.copy')}
          </button>
          {made && (
            <p role="status" aria-label={t('shell.classroom.status')}>
              {made.copied ? t('shell.classroom.copied') : t('shell.classroom.copyThis')}{' '}
              <input
                type="text"
                readOnly
                value={made.link}
                aria-label={t('shell.classroom.linkField')}
                onFocus={(e) => e.target.select()}
              />
            </p>
          )}
        </div>
      )}
    </div>
  );
}
