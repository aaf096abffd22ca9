import { lazy, Suspense } from 'react';
import LiveLossChart from './charts/LiveLossChart.tsx';
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
import { LanguagePicker } from './i18n/LanguagePicker.tsx';
import { GradientConflict } from './components/GradientConflict.tsx';
import { LiveMetrics } from './components/LiveMetrics.tsx';
import { LossPerEpoch } from './components/LossPerEpoch.tsx';
import { MetricsTable } from './components/MetricsTable.tsx';
import { ModelEditor } from './components/ModelEditor.tsx';
import { NetworkDiagram } from './components/NetworkDiagram.tsx';
import { OptimizerPanel } from './components/OptimizerPanel.tsx';
import { PanelNav } from './components/PanelNav.tsx';
import { RunControls } from './components/RunControls.tsx';
import { ShareLink } from './components/ShareLink.tsx';
import { TaskWeights } from './components/TaskWeights.tsx';
import { TrainingControls } from './components/TrainingControls.tsx';
import { useController } from './controllerContext.ts';
import { useKeyboardShortcuts } from './hooks/useKeyboardShortcuts.ts';
import { RenderCost } from './RenderCost.tsx';

// recharts is the heaviest view dependency: the detailed plots load after the first paint.
const WeightsChart = lazy(() => import('./charts/WeightsChart.tsx'));
const MetricCurves = lazy(() => import('./charts/MetricCurves.tsx'));
const DiagnosticPlots = lazy(() => import('./charts/DiagnosticPlots.tsx'));

/**
 * One screen to steer and watch (run controls and weights, the network, the live curves and
 * metrics), then the panels for everything else, each a named section the nav jumps to. Nothing
 * is hidden behind a tab, so every control stays where a person (or a test) looks for it.
 */
export function App() {
  useKeyboardShortcuts(useController());
  return (
    <>
      <header className="app-header">
        <h1>MTL Playground</h1>
        <DatasetPicker />
        <DatasetSummary />
        <ShareLink />
        <LanguagePicker />
      </header>
      <AlertBanner />
      <ConfirmDialog />
      <main>
        <section className="playground" aria-label="Playground">
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
          </div>
          <div className="pg-curves">
            <RenderCost id="loss curves">
              <LiveLossChart />
            </RenderCost>
            <AppliedWeights />
          </div>
        </section>
        <PanelNav />
        <section id="panel-data" className="panel" aria-labelledby="panel-data-heading">
          <h2 id="panel-data-heading">Data and column roles</h2>
          <ColumnRoles />
          <DataPreview />
        </section>
        <section id="panel-model" className="panel" aria-labelledby="panel-model-heading">
          <h2 id="panel-model-heading">Model, optimiser and split</h2>
          <ModelEditor />
          <OptimizerPanel />
          <TrainingControls />
        </section>
        <section id="panel-results" className="panel" aria-labelledby="panel-results-heading">
          <h2 id="panel-results-heading">Results</h2>
          <RenderCost id="metrics table">
            <MetricsTable />
          </RenderCost>
          <Suspense fallback={<p className="muted">Loading charts…</p>}>
            <RenderCost id="metric curves">
              <MetricCurves />
            </RenderCost>
            <RenderCost id="weights chart">
              <WeightsChart />
            </RenderCost>
          </Suspense>
          <LossPerEpoch />
        </section>
        <section id="panel-diagnostics" className="panel" aria-labelledby="panel-diagnostics-heading">
          <h2 id="panel-diagnostics-heading">Diagnostics</h2>
          <Suspense fallback={null}>
            <RenderCost id="diagnostic plots">
              <DiagnosticPlots />
            </RenderCost>
          </Suspense>
        </section>
        <section id="panel-sharing" className="panel" aria-labelledby="panel-sharing-heading">
          <h2 id="panel-sharing-heading">Sharing: gradient conflict, experts and single-task baselines</h2>
          <GradientConflict />
          <ExpertUsage />
          <BaselineComparison />
        </section>
      </main>
      <footer className="app-footer">
        Sample data: NOAA daily weather (public domain) via vega-datasets; Iris — Fisher, R. A. Iris. UCI Machine
        Learning Repository (CC BY 4.0).
      </footer>
    </>
  );
}
