import type { BackendChoice } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

const CHOICES: { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WASM' },
  { value: 'cpu', label: 'CPU' },
];

/** Backend choice, and which backend is actually in use and why. */
export function BackendPicker() {
  const controller = useController();
  const choice = useAppState((s) => s.backendChoice);
  const backend = useAppState((s) => s.backend);
  const running = useAppState((s) => s.runState === 'running');
  const hasRun = useAppState((s) => s.run !== null);
  return (
    <div className="backend">
      <label>
        Compute backend
        <select
          value={choice}
          disabled={running}
          onChange={(e) => controller.setBackend(e.target.value as BackendChoice)}
        >
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {hasRun && !running && <span className="muted"> Changing it starts a new run.</span>}
      <p role="status" aria-label="Backend" className="summary">
        {backend ? `Backend: ${backend.name}. ${backend.reason}` : 'Backend: chosen when training starts.'}
      </p>
    </div>
  );
}
