import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskMetrics } from '../../core/metrics/taskMetrics.ts';
import { useAppState, type AppState, type SplitDiagnostics } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { ConfusionMatrixTable } from '../components/ConfusionMatrixTable.tsx';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { useDeferredStoreValue } from '../hooks/useDeferredStoreValue.ts';
import { RegressionDiagnostics } from './RegressionDiagnostics.tsx';
import { RocCurveChart } from './RocCurveChart.tsx';

type SplitChoice = 'val' | 'test';

const selectEpochs = (s: AppState) => s.epochs;
const selectDiagnostics = (s: { diagnostics: { val: SplitDiagnostics | null; test: SplitDiagnostics | null } }) =>
  s.diagnostics;

/**
 * Per task, the plot that shows how it errs: ROC curve (binary), confusion matrix (multi-class),
 * predicted vs actual and residuals (regression), on the validation split after the latest epoch
 * or on the test split.
 */
export default function DiagnosticPlots() {
  const { t } = useTranslation();
  const controller = useController();
  const run = useAppState((s) => s.run);
  const boxRef = useRef<HTMLDivElement>(null);
  const diagnostics = useDeferredStoreValue(selectDiagnostics, boxRef);
  const thresholds = useAppState((s) => s.thresholds);
  const epochs = useDeferredStoreValue(selectEpochs, boxRef);
  const testMetrics = useAppState((s) => s.testMetrics?.metrics);
  const [choice, setChoice] = useState<SplitChoice>('val');
  const [choiceRun, setChoiceRun] = useState(run);
  if (choiceRun !== run) {
    // A new run starts on its validation plots (React's "adjust state while rendering" pattern).
    setChoiceRun(run);
    setChoice('val');
  }
  if (!run || !diagnostics.val) return <div ref={boxRef} className="chart-anchor" />;
  const split = choice === 'test' && diagnostics.test ? 'test' : 'val';
  const shown = diagnostics[split] as SplitDiagnostics;
  const metrics: TaskMetrics[] | undefined =
    split === 'test' ? testMetrics : epochs.find((e) => e.epoch === shown.epoch)?.val;
  const splitLabel =
    split === 'test'
      ? t('diagnostics.plots.onTest', { epoch: shown.epoch })
      : t('diagnostics.plots.onValidation', { epoch: shown.epoch });
  return (
    <div ref={boxRef} className="chart-anchor">
      <section className="diagnostics" aria-labelledby="diagnostics-heading">
        <h3 id="diagnostics-heading">{t('diagnostics.plots.heading')}</h3>
        <label>
          {t('diagnostics.plots.split')}
          <select value={split} onChange={(e) => setChoice(e.target.value as SplitChoice)}>
            <option value="val">{t('diagnostics.plots.optionValidation', { epoch: diagnostics.val.epoch })}</option>
            <option value="test" disabled={!diagnostics.test}>
              {diagnostics.test
                ? t('diagnostics.plots.optionTest', { epoch: diagnostics.test.epoch })
                : t('diagnostics.plots.optionTestPending')}
            </option>
          </select>
        </label>{' '}
        <TermHelp term="validation" />
        <div className="small-multiples">
          {run.tasks.map((task, k) => {
            const d = shown.tasks[k];
            const m = metrics?.[k];
            if (!d) return null;
            return (
              <div key={task.name} className="small-multiple">
                <h4>{task.name}</h4>
                {d.kind === 'binary' && (
                  <RocCurveChart
                    task={task.name}
                    roc={d.roc}
                    atThreshold={d.atThreshold}
                    positives={d.positives}
                    negatives={d.negatives}
                    nonFinite={d.nonFinite}
                    auc={m?.auc}
                    threshold={thresholds[task.name] ?? 0.5}
                    splitLabel={splitLabel}
                    onThreshold={controller.setThreshold}
                  />
                )}
                {d.kind === 'multiclass' && (
                  <ConfusionMatrixTable
                    task={task.name}
                    labels={task.classLabels}
                    matrix={d.matrix}
                    splitLabel={splitLabel}
                  />
                )}
                {d.kind === 'regression' && (
                  <RegressionDiagnostics
                    task={task.name}
                    predicted={d.predicted}
                    actual={d.actual}
                    residuals={d.residuals}
                    count={d.count}
                    r2={m?.r2}
                    rmse={m?.rmse}
                    splitLabel={splitLabel}
                  />
                )}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
