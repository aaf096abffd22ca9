/**
 * The live charts' buffer: loss points collect outside the store and are handed to it once a
 * second, and the validation plots redraw at most every ten seconds while training runs (at once
 * otherwise), so drawing never competes with training.
 */
import type { StepLosses } from '../core/train/lossReader.ts';
import { LossSeries } from './lossSeries.ts';
import { showPendingDiagnostics } from './reduceWorkerEvent.ts';
import type { AppState } from './store.ts';

const CHART_FLUSH_MS = 1000;
/** How often the validation diagnostic plots may redraw while training runs. */
const DIAGNOSTICS_FLUSH_MS = 10_000;

export class ChartBuffer {
  private readonly series = new LossSeries();
  private dirty = false;
  private lastDiagnosticsMs = -Infinity;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly get: () => AppState,
    private readonly set: (patch: Partial<AppState>) => void,
  ) {
    this.timer = setInterval(() => this.flush(false), CHART_FLUSH_MS);
  }

  add(steps: StepLosses[]): void {
    this.series.add(steps);
    this.dirty = true;
  }

  /** When a run pauses or ends: the weights chart's tail catches up and the plots show the latest data. */
  settle(): void {
    this.series.releaseTail();
    this.dirty = true;
    this.flushDiagnostics(true);
  }

  clear(): void {
    this.series.clear();
    this.dirty = false;
  }

  /** New validation plot data arrived: drawn now unless training runs and they were drawn recently. */
  diagnosticsArrived(): void {
    this.flushDiagnostics(this.get().runState !== 'running');
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  private flush(force: boolean): void {
    this.flushDiagnostics(force);
    if (!this.dirty) return;
    this.dirty = false;
    const weightPoints = this.series.takeWeightSnapshot();
    this.set(
      weightPoints ? { lossPoints: this.series.snapshot(), weightPoints } : { lossPoints: this.series.snapshot() },
    );
  }

  private flushDiagnostics(force: boolean): void {
    const state = this.get();
    if (!state.pendingValDiagnostics) return;
    if (!force && performance.now() - this.lastDiagnosticsMs < DIAGNOSTICS_FLUSH_MS) return;
    this.lastDiagnosticsMs = performance.now();
    this.set(showPendingDiagnostics(state));
  }
}
