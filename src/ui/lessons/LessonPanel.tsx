import { useTranslation } from 'react-i18next';
import './lessons.css';
import { checkLesson, lessonById } from '../../lessons/lessons.ts';
import { renderMessage } from '../../i18n/renderMessage.ts';
import { appStore, useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';

/** Lesson texts are keyed in the catalogue by the lesson's own keys (all literal in lessons.ts). */
type LessonKey = 'lessons.relatedTasks.title';

/**
 * The open lesson beside the live view: what it shows, what to look at, the steps to try, and for
 * each step whether the person's runs show it yet (with the measured values), updated as they train.
 */
export function LessonPanel() {
  const { t } = useTranslation();
  const controller = useController();
  const lessonState = useAppState((s) => s.lesson);
  const lesson = lessonById(lessonState?.id);
  if (!lesson || !lessonState) return null;
  // The checks read the runs the lesson recorded (they change at epoch ends, thresholds, baselines), not every loss point.
  const outcomes = checkLesson(lesson, { runs: lessonState.runs, state: appStore.getState() });
  const k = (key: string) => t(key as LessonKey);
  return (
    <section className="lesson-panel" aria-label={t('lessons.panel')}>
      <div className="lesson-head">
        <h2 id="lesson-title">{k(lesson.titleKey)}</h2>
        <button type="button" className="link" onClick={() => controller.closeLesson()}>
          {t('lessons.close')}
        </button>
      </div>
      <p>{k(lesson.goalKey)}</p>
      <p>
        <strong>{t('lessons.lookAt')}</strong> {k(lesson.lookAtKey)}{' '}
        {lesson.terms.map((term) => (
          <TermHelp key={term} term={term} named />
        ))}
      </p>
      <h3>{t('lessons.tryThis')}</h3>
      <ol className="lesson-steps">
        {lesson.steps.map((step, i) => {
          const outcome = outcomes[i];
          const done = outcome?.done ?? false;
          return (
            <li key={step.id} className={done ? 'done' : undefined}>
              <p>{k(step.tryKey)}</p>
              <p className="lesson-check" role="status" aria-label={`${t('lessons.check')} ${i + 1}`}>
                <span className="lesson-mark" aria-hidden="true">
                  {done ? '✓' : '○'}
                </span>{' '}
                <strong>{done ? t('lessons.seen') : t('lessons.notYet')}</strong>
                {outcome?.detail && <>: {renderMessage(t, outcome.detail)}</>}
              </p>
            </li>
          );
        })}
      </ol>
      {outcomes.every((o) => o.done) && <p className="lesson-done">{t('lessons.allDone')}</p>}
    </section>
  );
}
