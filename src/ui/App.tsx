import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hideable } from '../state/classroom.ts';
import { useAppState } from '../state/store.ts';
import LiveLossChart from './charts/LiveLossChart.tsx';
import { ClassroomLink } from './classroom/ClassroomLink.tsx';
import { HiddenNote } from './classroom/HiddenNote.tsx';
import { useHidden } from './classroom/useHidden.ts';
import { AlertBanner } from './components/AlertBanner.tsx';
import { AppliedWeights } from './components/AppliedWeights.tsx';
import { BackendPicker } from './components/BackendPicker.tsx';
import { BaselineComparison } from './components/BaselineComparison.tsx';
import { ColumnRoles } from './components/ColumnRoles.tsx';
import { ConfirmDialog } from './components/ConfirmDialog.tsx';
import { DataPreview } from './components/DataPreview.tsx';
import { DatasetPicker } from './components/DatasetPicker.tsx';
import { DatasetSummary } from './components/DatasetSummary.tsx';
import { ExpertUsage } from './components/ExpertUsage.tsx';
import { GradientConflict } from './components/GradientConflict.tsx';
import { LiveMetrics } from './components/LiveMetrics.tsx';
import { LossPerEpoch } from './components/LossPerEpoch.tsx';
import { MetricsTable } from './components/MetricsTable.tsx';
import { ModelEditor } from './components/ModelEditor.tsx';
import { ModelTools } from './components/ModelTools.tsx';
import { NetworkDiagram } from './components/NetworkDiagram.tsx';
import { OptimizerPanel } from './components/OptimizerPanel.tsx';
import { PanelNav } from './components/PanelNav.tsx';
import { RunControls } from './components/RunControls.tsx';
import { SavedRuns } from './components/SavedRuns.tsx';
import { ShareLink } from './components/ShareLink.tsx';
import { TaskWeights } from './components/TaskWeights.tsx';
import { TrainingControls } from './components/TrainingControls.tsx';
import { useController } from './controllerContext.ts';
import { Glossary } from './glossary/Glossary.tsx';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts.ts';
import { LanguagePicker } from './i18n/LanguagePicker.tsx';
import { LessonList } from './lessons/LessonList.tsx';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { OfflineStatus } from './offline/OfflineStatus.tsx';
import { RenderCost } from './RenderCost.tsx';

// recharts is the heaviest view dependency: the detailed plots load after the first paint.
const WeightsChart = lazy(() => import('./charts/WeightsChart.tsx'));
const MetricCurves = lazy(() => import('./charts/MetricCurves.tsx'));
const DiagnosticPlots = lazy(() => import('./charts/DiagnosticPlots.tsx'));
const RunComparison = lazy(() => import('./charts/RunComparison.tsx'));

/** A panel below the playground, unless a classroom link hid it. */
function Panel({ id, heading, children }: { id: Hideable; heading: string; children: React.ReactNode }) {
  if (useHidden(id)) return null;
  return (
    <section id={id} className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
    </section>
  );
}

/**
 * One screen to steer and watch (run controls and weights, the network, the live curves and
 * metrics, the lessons or the open lesson), then the panels for everything else, each a named
 * section the nav jumps to. Nothing is behind a tab, so every control stays where a person (or a
 * test) looks for it; a classroom link may hide panels and controls (never what a lesson needs).
 */
export function App() {
  const { t } = useTranslation();
  useKeyboardShortcuts(useController());
  const lessonOpen = useAppState((s) => s.lesson !== null);
  const shareHidden = useHidden('share');
  const glossaryHidden = useHidden('glossary');
  return (
    <>
      <header className="app-header">
        {/* The product's name is not translated; the document title says what it is in each language. */}
        <h1 title={t('app.title')}>MTL Playground</h1>
        <DatasetPicker />
        <DatasetSummary />
        {!shareHidden && (
          <>
            <ShareLink />
            <ClassroomLink />
          </>
        )}
        <LanguagePicker />
      </header>
      <HiddenNote />
      <AlertBanner />
      <ConfirmDialog />
      <main>
        <section className="playground" aria-label={t('shell.playground')}>
          <div className="pg-steer">
            <RunControls />
            <TaskWeights />
            <BackendPicker />
          </div>
          <div className="pg-network">
            <RenderCost id="network diagram">
              <NetworkDiagram />
            </RenderCost>
            <RenderCost id="live metrics">
              <LiveMetrics />
            </RenderCost>
            {lessonOpen ? <LessonPanel /> : <LessonList />}
          </div>
          <div className="pg-curves">
            <RenderCost id="loss curves">
              <LiveLossChart />
            </RenderCost>
            <AppliedWeights />
          </div>
        </section>
        <PanelNav />
        <Panel id="panel-data" heading={t('shell.panels.data')}>
          <ColumnRoles />
          <DataPreview />
        </Panel>
        <Panel id="panel-model" heading={t('shell.panels.model')}>
          <ModelEditor />
          <OptimizerPanel />
          <TrainingControls />
        </Panel>
        <Panel id="panel-results" heading={t('shell.panels.results')}>
          <RenderCost id="metrics table">
            <MetricsTable />
          </RenderCost>
          <Suspense fallback={<p className="muted">{t('shell.loadingCharts')}</p>}>
            <RenderCost id="metric curves">
              <MetricCurves />
            </RenderCost>
            <RenderCost id="weights chart">
              <WeightsChart />
            </RenderCost>
          </Suspense>
          <LossPerEpoch />
        </Panel>
        <Panel id="panel-diagnostics" heading={t('shell.panels.diagnostics')}>
          <Suspense fallback={null}>
            <RenderCost id="diagnostic plots">
              <DiagnosticPlots />
            </RenderCost>
          </Suspense>
        </Panel>
        <Panel id="panel-sharing" heading={t('shell.panels.sharing')}>
          <GradientConflict />
          <ExpertUsage />
          <BaselineComparison />
        </Panel>
        <Panel id="panel-keep" heading={t('shell.panels.keep')}>
          <SavedRuns />
          <Suspense fallback={null}>
            <RunComparison />
          </Suspense>
          <ModelTools />
        </Panel>
        {!glossaryHidden && <Glossary />}
      </main>
      <footer className="app-footer">
        <OfflineStatus />
        <p>{t('shell.credits')}</p>
      </footer>
    </>
  );
}
