import { useTranslation } from 'react-i18next';

interface Props {
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

const SHOWN_ROWS = 5;

/** The first rows of the file as they will be read, columns named by the header or by position. */
export function PreviewTable({ columns, rows }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-label={t('import.previewLabel')} tabIndex={0}>
      <table className="data-table preview-table">
        <caption className="visually-hidden">{t('import.previewLabel')}</caption>
        <thead>
          <tr>
            {columns.map((name, index) => (
              <th key={index} scope="col">
                {columnLabel(t('import.column', { number: index + 1 }), name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((row, rowIndex) => (
            <tr key={rowIndex}>
              {columns.map((_, index) => (
                <td key={index}>{row[index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Column 2 · English", or "Column 2" for a file without a header. */
export function columnLabel(position: string, name: string): string {
  return name ? `${position} · ${name}` : position;
}
