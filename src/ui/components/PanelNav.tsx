import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';

/** The panels below the playground, one link each: what is not on the one screen is one click away. */
const PANELS = [
  { id: 'panel-data', label: 'app.panels.data' },
  { id: 'panel-model', label: 'app.panels.model' },
  { id: 'panel-results', label: 'app.panels.results' },
  { id: 'panel-diagnostics', label: 'app.panels.diagnostics' },
  { id: 'panel-sharing', label: 'app.panels.sharing' },
  { id: 'panel-keep', label: 'app.panels.keep' },
  { id: 'glossary', label: 'app.panels.glossary' },
] as const;

export function PanelNav() {
  const { t } = useTranslation();
  const hidden = useAppState((s) => s.hidden);
  return (
    <nav className="panel-nav" aria-label={t('app.panels.label')}>
      <ul>
        {PANELS.filter((p) => !hidden.includes(p.id)).map((p) => (
          <li key={p.id}>
            <a href={`#${p.id}`}>{t(p.label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
