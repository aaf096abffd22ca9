import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ColumnSummary } from '../../core/csv/summarizeColumns.ts';
import type { ColumnRole, InputEncoding } from '../../core/types.ts';
import { useAppState } from '../../state/store.ts';
import { useController } from '../controllerContext.ts';
import { TermHelp } from '../glossary/TermHelp.tsx';
import { useFormat } from '../i18n/useFormat.ts';

const ROLE_OPTIONS = [
  { value: 'ignore', label: 'data.roles.ignore' },
  { value: 'input', label: 'data.roles.input' },
  { value: 'binary', label: 'data.roles.binary' },
  { value: 'multiclass', label: 'data.roles.multiclass' },
  { value: 'regression', label: 'data.roles.regression' },
] as const satisfies readonly { value: ColumnRole; label: string }[];

const KIND_LABELS = {
  numeric: 'data.stats.kinds.numeric',
  'integer codes': 'data.stats.kinds.integerCodes',
  categorical: 'data.stats.kinds.categorical',
  binary: 'data.stats.kinds.binary',
  'id-like': 'data.stats.kinds.idLike',
  constant: 'data.stats.kinds.constant',
  'date-like': 'data.stats.kinds.dateLike',
} as const satisfies Record<ColumnSummary['kind'], string>;

function describe(c: ColumnSummary, t: TFunction, num: Intl.NumberFormat): string {
  const parts: string[] = [t(KIND_LABELS[c.kind]), t('data.stats.distinct', { n: c.distinct })];
  if (c.missing) parts.push(t('data.stats.missing', { n: c.missing }));
  if (c.mean !== undefined)
    parts.push(
      t('data.stats.range', { min: num.format(c.min ?? NaN), mean: num.format(c.mean), max: num.format(c.max ?? NaN) }),
    );
  if (c.type === 'categorical' || c.kind !== 'numeric')
    parts.push(
      t('data.stats.top', {
        values: c.topValues
          .slice(0, 3)
          .map((v) => t('data.stats.topValue', { value: v.value, n: v.count }))
          .join(t('data.stats.listSeparator')),
      }),
    );
  return parts.join(t('data.stats.separator'));
}

/** One role selector per column, with the statistics behind the default and the per-role options. */
export function ColumnRoles() {
  const { t } = useTranslation();
  const { formatter } = useFormat();
  const num = formatter({ maximumSignificantDigits: 4 });
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
  // A term's help sits beside the first row that shows its control (once per panel).
  const firstChainable = binaryTargets.length > 1 ? binaryTargets[0] : undefined;
  const firstBalanceable = dataset.columns.find(
    (c) => roles[c.name] === 'binary' || roles[c.name] === 'multiclass',
  )?.name;
  return (
    <div className="roles">
      <h3>{t('data.roles.heading')}</h3>
      {locked && <p className="muted">{t('data.roles.locked')}</p>}
      <ul>
        {dataset.columns.map((c) => {
          const role = roles[c.name] ?? 'ignore';
          const classes = c.topValues.map((v) => v.value);
          return (
            <li key={c.name}>
              <span className="col-name">{c.name}</span>
              <select
                aria-label={t('data.roles.roleOf', { column: c.name })}
                value={role}
                disabled={locked}
                onChange={(e) => controller.setRole(c.name, e.target.value as ColumnRole)}
              >
                {ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {t(o.label)}
                  </option>
                ))}
              </select>
              {role === 'input' && c.type === 'numeric' && (
                <select
                  aria-label={t('data.roles.encodingOf', { column: c.name })}
                  value={encodings[c.name] ?? 'numeric'}
                  disabled={locked}
                  onChange={(e) => controller.setEncoding(c.name, e.target.value as InputEncoding)}
                >
                  <option value="numeric">{t('data.roles.asNumber')}</option>
                  <option value="categorical">{t('data.roles.asCategories')}</option>
                </select>
              )}
              {role === 'binary' && classes.length === 2 && (
                <label className="inline">
                  {t('data.roles.positive')}
                  <select
                    aria-label={t('data.roles.positiveClassOf', { column: c.name })}
                    value={positive[c.name] ?? ''}
                    disabled={locked}
                    onChange={(e) => controller.setPositiveClass(c.name, e.target.value)}
                  >
                    <option value="">{t('data.roles.rarerClass')}</option>
                    {classes.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {role === 'binary' && binaryTargets.length > 1 && (
                <label className="inline" title={t('data.roles.chainTitle')}>
                  {t('data.roles.observedAfter')}
                  <select
                    aria-label={t('data.roles.conditionOf', { column: c.name })}
                    value={chainedTo[c.name] ?? ''}
                    disabled={locked}
                    onChange={(e) => controller.setChainedTo(c.name, e.target.value || null)}
                  >
                    <option value="">{t('data.roles.alwaysObserved')}</option>
                    {binaryTargets
                      .filter((target) => target !== c.name && chainedTo[target] === undefined)
                      .map((target) => (
                        <option key={target} value={target}>
                          {t('data.roles.chained', { column: target })}
                        </option>
                      ))}
                  </select>
                </label>
              )}
              {role === 'binary' && c.name === firstChainable && <TermHelp term="chainedHead" />}
              {(role === 'binary' || role === 'multiclass') && (
                <label className="inline">
                  <input
                    type="checkbox"
                    aria-label={t('data.roles.balanceClassesOf', { column: c.name })}
                    checked={balance[c.name] ?? false}
                    disabled={locked}
                    onChange={(e) => controller.setBalanceClasses(c.name, e.target.checked)}
                  />
                  {t('data.roles.balanceClasses')}
                </label>
              )}
              {c.name === firstBalanceable && <TermHelp term="classWeight" />}
              <span className="muted stats">{describe(c, t, num)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
