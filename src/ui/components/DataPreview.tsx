import { useTranslation } from 'react-i18next';
import { useAppState } from '../../state/store.ts';

/** The first rows of the loaded file, as text. */
export function DataPreview() {
  const { t } = useTranslation();
  const dataset = useAppState((s) => s.dataset);
  if (!dataset) return null;
  return (
    <div className="preview">
      <h3>{t('playground.dataPreview.firstRows', { rows: dataset.preview.length })}</h3>
      <div className="scroll" tabIndex={0} role="region" aria-label={t('playground.dataPreview.region')}>
        <table aria-label={t('playground.dataPreview.table')}>
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
