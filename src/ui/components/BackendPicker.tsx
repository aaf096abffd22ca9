import { useTranslation } from 'react-i18next';
import { useHidden } from '../classroom/useHidden.ts';
import { renderMessage } from '../../i18n/renderMessage.ts';
import type { BackendChoice, EngineChoice } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';

/** The backends by name (names stay as they are in every language; only Auto is a word). */
const CHOICES: { value: Exclude<BackendChoice, 'auto'>; label: string }[] = [
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WASM' },
  { value: 'cpu', label: 'CPU' },
];

const ENGINES = [
  { value: 'auto', label: 'playground.engine.auto' },
  { value: 'fused', label: 'playground.engine.fused' },
  { value: 'tfjs', label: 'playground.engine.tfjs' },
] as const satisfies readonly { value: EngineChoice; label: string }[];

/** Backend and engine choice, and which backend and engine are actually in use and why. */
export function BackendPicker() {
  const { t } = useTranslation();
  const controller = useController();
  const choice = useAppState((s) => s.backendChoice);
  const backend = useAppState((s) => s.backend);
  const engineChoice = useAppState((s) => s.engineChoice);
  const engine = useAppState((s) => s.engine);
  const running = useAppState((s) => s.runState === 'running');
  const hasRun = useAppState((s) => s.run !== null);
  const pickerHidden = useHidden('backend');
  const summary = backend
    ? t('playground.backend.status', { name: backend.name, reason: renderMessage(t, backend.reason) }) +
      (engine ? ` ${renderMessage(t, engine.reason)}` : '')
    : t('playground.backend.notChosen');
  return (
    <div className="backend">
      {!pickerHidden && (
        <>
          <label>
            {t('playground.backend.label')}
            <select
              value={choice}
              disabled={running}
              onChange={(e) => controller.setBackend(e.target.value as BackendChoice)}
            >
              <option value="auto">{t('playground.backend.auto')}</option>
              {CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <TermHelp term="backend" />
          {hasRun && !running && <span className="muted"> {t('playground.backend.changeStartsNewRun')}</span>}{' '}
          <label>
            {t('playground.engine.label')}
            <select value={engineChoice} onChange={(e) => controller.setEngine(e.target.value as EngineChoice)}>
              {ENGINES.map((c) => (
                <option key={c.value} value={c.value}>
                  {t(c.label)}
                </option>
              ))}
            </select>
          </label>
          {running && <span className="muted"> {t('playground.engine.changePauses')}</span>}
        </>
      )}
      {/* Clamped to four lines in the playground; the whole sentence is its title. */}
      <p role="status" aria-label={t('playground.backend.statusLabel')} className="summary" title={summary}>
        {summary}
      </p>
    </div>
  );
}
