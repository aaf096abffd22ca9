import { useAppState } from '../../state/store.ts';

const fmt = new Intl.NumberFormat('en');

/** Rows, columns, missing cells and the file's format; below, every problem the parser reported or repaired. */
export function DatasetSummary() {
  const dataset = useAppState((s) => s.dataset);
  let text = 'No dataset loaded.';
  const problems = dataset?.report.problems;
  if (dataset) {
    const missing = dataset.columns.reduce((n, c) => n + c.missing, 0);
    const { shortRows, longRows, blankRows, firstRaggedRows, renamedHeaders, delimiter } = dataset.report;
    const notes: string[] = [];
    if (!problems) {
      // A report without a problem list (made outside the parser): its counts.
      if (blankRows) notes.push(`${fmt.format(blankRows)} blank rows dropped`);
      if (shortRows) notes.push(`${fmt.format(shortRows)} short rows padded with missing`);
      if (longRows) notes.push(`${fmt.format(longRows)} long rows cut to the header's width`);
      if (firstRaggedRows.length) notes.push(`first at data row ${firstRaggedRows.join(', ')}`);
      if (renamedHeaders.length)
        notes.push(`renamed headers: ${renamedHeaders.map((r) => `"${r.from}" → "${r.to}"`).join(', ')}`);
    } else if (problems.length) {
      notes.push(
        problems.length === 1
          ? '1 parse problem (see Parse problems)'
          : `${problems.length} parse problems (see Parse problems)`,
      );
    }
    if (dataset.encodingNote) notes.push(dataset.encodingNote);
    if (delimiter !== ',') notes.push(`separator ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}`);
    text = `${dataset.name}: ${fmt.format(dataset.rowCount)} rows, ${dataset.columns.length} columns, ${fmt.format(missing)} missing cells${notes.length ? `; ${notes.join('; ')}` : ''}. Loaded in ${(dataset.loadMs / 1000).toFixed(2)} s.`;
  }
  return (
    <>
      <p role="status" aria-label="Dataset summary" className="summary" title={text}>
        {text}
      </p>
      {problems?.length ? (
        // The header holds one line: the list opens below it, over the page.
        <details className="parse-problems" style={{ position: 'relative', flex: '0 0 auto', fontSize: '0.85rem' }}>
          <summary>{problems.length === 1 ? '1 parse problem' : `${problems.length} parse problems`}</summary>
          <ul aria-label="Parse problems" style={POPOVER}>
            {problems.map((p, i) => (
              <li key={i} data-kind={p.kind}>
                {p.message}.
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
