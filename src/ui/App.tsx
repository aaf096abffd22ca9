import { lazy, Suspense } from 'react';
import { AlertBanner } from './components/AlertBanner.tsx';
import { BackendPicker } from './components/BackendPicker.tsx';
import { ColumnRoles } from './components/ColumnRoles.tsx';
import { DataPreview } from './components/DataPreview.tsx';
import { DatasetPicker } from './components/DatasetPicker.tsx';
import { DatasetSummary } from './components/DatasetSummary.tsx';
import { AppliedWeights } from './components/AppliedWeights.tsx';
import { BaselineComparison } from './components/BaselineComparison.tsx';
import { ConfirmDialog } from './components/ConfirmDialog.tsx';
import { ExpertUsage } from './components/ExpertUsage.tsx';
import { GradientConflict } from './components/GradientConflict.tsx';
import { MetricsTable } from './components/MetricsTable.tsx';
import { ModelEditor } from './components/ModelEditor.tsx';
import { OptimizerPanel } from './components/OptimizerPanel.tsx';
import { TaskWeights } from './components/TaskWeights.tsx';
import { TrainingControls } from './components/TrainingControls.tsx';

// recharts is the heaviest view dependency: load it after the first paint.
const LossChart = lazy(() => import('./charts/LossChart.tsx'));
const WeightsChart = lazy(() => import('./charts/WeightsChart.tsx'));
const MetricCurves = lazy(() => import('./charts/MetricCurves.tsx'));
const DiagnosticPlots = lazy(() => import('./charts/DiagnosticPlots.tsx'));

export function App() {
  return (
    <>
      <header className="app-header">
        <h1>MTL Playground</h1>
        <p>
          One network, several tasks: watch a shared trunk learn them together, and drag the loss weights while it
          trains. Your data stays in this browser tab.
        </p>
      </header>
      <AlertBanner />
      <ConfirmDialog />
      <main className="layout">
        <section className="panel" aria-labelledby="data-heading">
          <h2 id="data-heading">Data</h2>
          <DatasetPicker />
          <DatasetSummary />
          <ColumnRoles />
          <DataPreview />
        </section>
        <section className="panel" aria-labelledby="train-heading">
          <h2 id="train-heading">Training</h2>
          <BackendPicker />
          <TrainingControls />
          <TaskWeights />
          <ModelEditor />
          <OptimizerPanel />
        </section>
        <section className="panel wide" aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          <Suspense fallback={<p className="muted">Loading chart…</p>}>
            <LossChart />
          </Suspense>
          <AppliedWeights />
          <Suspense fallback={null}>
            <WeightsChart />
            <MetricCurves />
          </Suspense>
          <MetricsTable />
          <Suspense fallback={null}>
            <DiagnosticPlots />
          </Suspense>
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
