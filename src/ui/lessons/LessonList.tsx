import { useState } from 'react';
import './lessons.css';
import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../lessons/lessons.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

/**
 * The lessons, one button each, on the start screen (in the playground's free space). Opening one
 * replaces the data and the run; when the person has their own file or a trained run, it asks first.
 */
export function LessonList() {
  const { t } = useTranslation();
  const controller = useController();
  const [asking, setAsking] = useState<string | null>(null);
  const wouldLose = useAppState((s) => s.datasetFromFile || s.epochs.length > 0);
  const open = (id: string) => {
    if (wouldLose && asking !== id) setAsking(id);
    else {
      setAsking(null);
      controller.openLesson(id);
    }
  };
  return (
    <section className="lesson-list" aria-labelledby="lesson-list-heading">
      <h2 id="lesson-list-heading">{t('lessons.listHeading')}</h2>
      {/* While a run shows its metrics above, the list keeps to its buttons so all six stay on screen. */}
      {!wouldLose && <p className="muted">{t('lessons.listIntro')}</p>}
      <ul aria-label={t('lessons.listHeading')}>
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id}>
            <button
              type="button"
              className="lesson-button"
              aria-label={t('lessons.open', { title: t(lesson.titleKey as 'lessons.relatedTasks.title') })}
              onClick={() => open(lesson.id)}
            >
              <span className="lesson-number" aria-hidden="true">
                {i + 1}
              </span>
              {t(lesson.titleKey as 'lessons.relatedTasks.title')}
            </button>
          </li>
        ))}
      </ul>
      {asking && (
        <div className="lesson-confirm" role="alertdialog" aria-labelledby="lesson-confirm-text">
          <p id="lesson-confirm-text">{t('lessons.replaces')}</p>
          <button type="button" className="primary" onClick={() => open(asking)}>
            {t('lessons.replaceConfirm')}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {t('lessons.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
