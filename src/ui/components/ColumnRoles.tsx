import type { ColumnSummary } from '../../core/csv/summarizeColumns.ts';
import type { ColumnRole, InputEncoding } from '../../core/types.ts';
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
  const parts = [c.kind, `${c.distinct} distinct`];
  if (c.missing) parts.push(`${c.missing} missing`);
  if (c.mean !== undefined)
    parts.push(`min ${num.format(c.min ?? NaN)}, mean ${num.format(c.mean)}, max ${num.format(c.max ?? NaN)}`);
  if (c.type === 'categorical' || c.kind !== 'numeric')
    parts.push(
      `top: ${c.topValues
        .slice(0, 3)
        .map((t) => `${t.value} (${t.count})`)
        .join(', ')}`,
    );
  return parts.join(' · ');
}

/** One role selector per column, with the statistics behind the default and the per-role options. */
export function ColumnRoles() {
  const controller = useController();
  const dataset = useAppState((s) => s.dataset);
  const roles = useAppState((s) => s.roles);
  const encodings = useAppState((s) => s.encodings);
  const positive = useAppState((s) => s.positiveClasses);
  const balance = useAppState((s) => s.balanceClasses);
  const chainedTo = useAppState((s) => s.chainedTo);
  const locked = useAppState((s) => s.run !== null);
  if (!dataset) return null;
  const binaryTargets = dataset.columns.filter((c) => roles[c.name] === 'binary').map((c) => c.name);
  return (
    <div className="roles">
      <h3>Column roles</h3>
      {locked && <p className="muted">Roles are fixed for the current run. Press Reset to change them.</p>}
      <ul>
        {dataset.columns.map((c) => {
          const role = roles[c.name] ?? 'ignore';
          const classes = c.topValues.map((t) => t.value);
          return (
            <li key={c.name}>
              <span className="col-name">{c.name}</span>
              <select
                aria-label={`Role of ${c.name}`}
                value={role}
                disabled={locked}
                onChange={(e) => controller.setRole(c.name, e.target.value as ColumnRole)}
              >
                {ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {role === 'input' && c.type === 'numeric' && (
                <select
                  aria-label={`Encoding of ${c.name}`}
                  value={encodings[c.name] ?? 'numeric'}
                  disabled={locked}
                  onChange={(e) => controller.setEncoding(c.name, e.target.value as InputEncoding)}
                >
                  <option value="numeric">as a number</option>
                  <option value="categorical">as categories</option>
                </select>
              )}
              {role === 'binary' && classes.length === 2 && (
                <label className="inline">
                  positive
                  <select
                    aria-label={`Positive class of ${c.name}`}
                    value={positive[c.name] ?? ''}
                    disabled={locked}
                    onChange={(e) => controller.setPositiveClass(c.name, e.target.value)}
                  >
                    <option value="">rarer class</option>
                    {classes.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {role === 'binary' && binaryTargets.length > 1 && (
                <label className="inline" title="ESMM: p(task) = p(condition) × p(task | condition), on every row">
                  observed after
                  <select
                    aria-label={`Condition of ${c.name}`}
                    value={chainedTo[c.name] ?? ''}
                    disabled={locked}
                    onChange={(e) => controller.setChainedTo(c.name, e.target.value || null)}
                  >
                    <option value="">always observed</option>
                    {binaryTargets
                      .filter((t) => t !== c.name && chainedTo[t] === undefined)
                      .map((t) => (
                        <option key={t} value={t}>
                          {t} (chained)
                        </option>
                      ))}
                  </select>
                </label>
              )}
              {(role === 'binary' || role === 'multiclass') && (
                <label className="inline">
                  <input
                    type="checkbox"
                    aria-label={`Balance classes of ${c.name}`}
                    checked={balance[c.name] ?? false}
                    disabled={locked}
                    onChange={(e) => controller.setBalanceClasses(c.name, e.target.checked)}
                  />
                  balance classes
                </label>
              )}
              <span className="muted stats">{describe(c)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
