import { useTranslation } from 'react-i18next';
import { SAMPLE_DATASETS } from '../../core/data/sampleDatasets.ts';
import { sampleLabelKey } from './sampleLabels.ts';
import { renderMessage } from '../../i18n/renderMessage.ts';
import { useAppState } from '../../state/store.ts';
import { useFormat } from '../i18n/useFormat.ts';

/** Rows, columns, missing cells and the file's format; below, every problem the parser reported or repaired. */
export function DatasetSummary() {
  const { t } = useTranslation();
  const fromFile = useAppState((s) => s.datasetFromFile);
  const correlationOf = useAppState((s) => s.sampleCorrelation);
  const { formatter } = useFormat();
  const count = formatter({});
  const seconds = formatter({ minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const dataset = useAppState((s) => s.dataset);
  let text: string = t('data.summary.none');
  const problems = dataset?.report.problems;
  if (dataset) {
    const missing = dataset.columns.reduce((n, c) => n + c.missing, 0);
    const { shortRows, longRows, blankRows, firstRaggedRows, renamedHeaders, delimiter } = dataset.report;
    const list = t('data.summary.listSeparator');
    const notes: string[] = [];
    if (!problems) {
      // A report without a problem list (made outside the parser): its counts.
      if (blankRows) notes.push(t('data.summary.blankRows', { rows: count.format(blankRows) }));
      if (shortRows) notes.push(t('data.summary.shortRows', { rows: count.format(shortRows) }));
      if (longRows) notes.push(t('data.summary.longRows', { rows: count.format(longRows) }));
      if (firstRaggedRows.length) notes.push(t('data.summary.firstRagged', { rows: firstRaggedRows.join(list) }));
      if (renamedHeaders.length)
        notes.push(
          t('data.summary.renamedHeaders', {
            headers: renamedHeaders.map((r) => t('data.summary.renamedHeader', { from: r.from, to: r.to })).join(list),
          }),
        );
    } else if (problems.length) {
      notes.push(t('data.summary.problemsNote', { count: problems.length }));
    }
    if (dataset.encodingNote) notes.push(renderMessage(t, dataset.encodingNote));
    if (delimiter !== ',')
      notes.push(delimiter === '\t' ? t('data.summary.separatorTab') : t('data.summary.separator', { delimiter }));
    // A sample's name in the page's language (the worker names it in English: the core's label).
    const sample = fromFile ? undefined : SAMPLE_DATASETS.find((x) => dataset.name.startsWith(x.label));
    const key = sample && sampleLabelKey(sample.id);
    const datasetName =
      sample && key
        ? t(key) +
          (sample.id === 'correlated' ? t('data.summary.correlationSuffix', { correlation: correlationOf }) : '')
        : dataset.name;
    const values = {
      name: datasetName,
      rows: count.format(dataset.rowCount),
      columns: dataset.columns.length,
      missing: count.format(missing),
      seconds: seconds.format(dataset.loadMs / 1000),
    };
    text = notes.length
      ? t('data.summary.textWithNotes', { ...values, notes: notes.join(t('data.summary.noteSeparator')) })
      : t('data.summary.text', values);
  }
  return (
    <>
      <p role="status" aria-label={t('data.summary.label')} className="summary" title={text}>
        {text}
      </p>
      {problems?.length ? (
        // The header holds one line: the list opens below it, over the page.
        <details className="parse-problems" style={{ position: 'relative', flex: '0 0 auto', fontSize: '0.85rem' }}>
          <summary>{t('data.summary.problems', { count: problems.length })}</summary>
          <ul aria-label={t('data.summary.problemsList')} style={POPOVER}>
            {problems.map((p, i) => (
              <li key={i} data-kind={p.kind}>
                {t('data.summary.problem', { message: renderMessage(t, p.message) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

const POPOVER = {
  position: 'absolute',
  right: 0,
  zIndex: 10,
  width: 'min(40rem, 90vw)',
  margin: '0.3rem 0 0',
  padding: '0.5rem 0.75rem 0.5rem 1.75rem',
  background: 'var(--panel)',
  border: '1px solid var(--border)',
  borderRadius: '4px',
  boxShadow: '0 4px 12px rgb(0 0 0 / 0.15)',
} as const;
