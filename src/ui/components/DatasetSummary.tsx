import { useAppState } from '../../state/store.ts';

const fmt = new Intl.NumberFormat('en');

/** Rows, columns, missing cells and what the parser noticed. */
export function DatasetSummary() {
  const dataset = useAppState((s) => s.dataset);
  let text = 'No dataset loaded.';
  if (dataset) {
    const missing = dataset.columns.reduce((n, c) => n + c.missing, 0);
    const { shortRows, longRows, blankRows, firstRaggedRows, renamedHeaders } = dataset.report;
    const notes: string[] = [];
    if (blankRows) notes.push(`${fmt.format(blankRows)} blank rows dropped`);
    if (shortRows) notes.push(`${fmt.format(shortRows)} short rows padded with missing`);
    if (longRows) notes.push(`${fmt.format(longRows)} long rows cut to the header's width`);
    if (firstRaggedRows.length) notes.push(`first at data row ${firstRaggedRows.join(', ')}`);
    if (dataset.encodingNote) notes.push(dataset.encodingNote);
    if (dataset.report.delimiter !== ',')
      notes.push(`separator ${dataset.report.delimiter === '\t' ? 'tab' : `"${dataset.report.delimiter}"`}`);
    if (renamedHeaders.length)
      notes.push(`renamed headers: ${renamedHeaders.map((r) => `"${r.from}" → "${r.to}"`).join(', ')}`);
    text = `${dataset.name}: ${fmt.format(dataset.rowCount)} rows, ${dataset.columns.length} columns, ${fmt.format(missing)} missing cells${notes.length ? `; ${notes.join('; ')}` : ''}. Loaded in ${(dataset.loadMs / 1000).toFixed(2)} s.`;
  }
  return (
    <p role="status" aria-label="Dataset summary" className="summary">
      {text}
    </p>
  );
}
