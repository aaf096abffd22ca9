import { useAppState } from '../../state/store.ts';

/** The first rows of the loaded file, as text. */
export function DataPreview() {
  const dataset = useAppState((s) => s.dataset);
  if (!dataset) return null;
  return (
    <div className="preview">
      <h3>First {dataset.preview.length} rows</h3>
      <div className="scroll" tabIndex={0} role="region" aria-label="Data preview (scrolls)">
        <table aria-label="Data preview">
          <thead>
            <tr>
              {dataset.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dataset.preview.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
