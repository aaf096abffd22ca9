import type { ColumnSummary } from '../../core/csv/summarizeColumns.ts';
import type { ColumnRole } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';

const ROLE_OPTIONS: { value: ColumnRole; label: string }[] = [
  { value: 'ignore', label: 'Ignore' },
  { value: 'input', label: 'Input' },
  { value: 'binary', label: 'Binary target' },
  { value: 'multiclass', label: 'Multi-class target' },
  { value: 'regression', label: 'Regression target' },
];

const num = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

function describe(c: ColumnSummary): string {
  const parts = [c.kindHint, `${c.distinct} distinct`];
  if (c.missing) parts.push(`${c.missing} missing`);
  if (c.mean !== undefined) parts.push(`min ${num.format(c.min ?? NaN)}, mean ${num.format(c.mean)}, max ${num.format(c.max ?? NaN)}`);
  else parts.push(`top: ${c.topValues.slice(0, 3).map((t) => `${t.value} (${t.count})`).join(', ')}`);
  return parts.join(' · ');
}

/** One role selector per column, with the statistics that justify the default. */
export function ColumnRoles() {
  const controller = useController();
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const locked = useAppState((s) => s.run !== null);
  if (!dataset) return null;
  return (
    <div className="roles">
      <h3>Column roles</h3>
      {locked && <p className="muted">Roles are fixed for the current run. Press Reset to change them.</p>}
      <ul>
        {dataset.columns.map((c) => (
          <li key={c.name}>
            <label>
              <span className="col-name">{c.name}</span>
              <select aria-label={`Role of ${c.name}`} value={roles[c.name] ?? 'ignore'} disabled={locked} onChange={(e) => controller.setRole(c.name, e.target.value as ColumnRole)}>
                {ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted stats">{describe(c)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
