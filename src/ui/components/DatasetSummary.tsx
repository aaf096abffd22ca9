import { useAppState } from '../../state/store.ts';

const fmt = new Intl.NumberFormat('en');

/** Rows, columns, missing cells and what the parser noticed. */
export function DatasetSummary() {
  const dataset = useAppState((s) => s.dataset);
  let text = 'No dataset loaded.';
  if (dataset) {
    const missing = dataset.columns.reduce((n, c) => n + c.missing, 0);
    const { shortRows, longRows, firstRaggedRows, renamedHeaders } = dataset.report;
    const notes: string[] = [];
    if (shortRows) notes.push(`${fmt.format(shortRows)} short rows padded with missing`);
    if (longRows) notes.push(`${fmt.format(longRows)} long rows cut to the header's width`);
    if (firstRaggedRows.length) notes.push(`first at line ${firstRaggedRows.join(', ')}`);
    if (renamedHeaders.length) notes.push(`renamed headers: ${renamedHeaders.map((r) => `"${r.from}" → "${r.to}"`).join(', ')}`);
    text = `${dataset.name}: ${fmt.format(dataset.rowCount)} rows, ${dataset.columns.length} columns, ${fmt.format(missing)} missing cells${notes.length ? `; ${notes.join('; ')}` : ''}.`;
  }
  return (
    <p role="status" aria-label="Dataset summary" className="summary">
      {text}
    </p>
  );
}
