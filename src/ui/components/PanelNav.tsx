/** The panels below the playground, one link each: what is not on the one screen is one click away. */
const PANELS = [
  { id: 'panel-data', label: 'Data and roles' },
  { id: 'panel-model', label: 'Model, optimiser, split' },
  { id: 'panel-results', label: 'Results' },
  { id: 'panel-diagnostics', label: 'Diagnostics' },
  { id: 'panel-sharing', label: 'Conflict, experts, baselines' },
];

export function PanelNav() {
  return (
    <nav className="panel-nav" aria-label="Panels">
      <ul>
        {PANELS.map((p) => (
          <li key={p.id}>
            <a href={`#${p.id}`}>{p.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
