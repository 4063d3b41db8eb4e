import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

interface ChartFigureProps {
  title: string;
  /** One sentence a screen reader announces for the picture, e.g. "1,204 cards due in the next 30 days". */
  summary: string;
  table: ChartTable;
  children: ReactNode;
  actions?: ReactNode;
  /** A line under the chart that explains it, read by everyone (outside the picture). */
  note?: ReactNode;
}

/**
 * A chart with its data as a table: the table is always in the page for screen readers (visually hidden), and the
 * "Show as table" toggle puts it on screen in place of the picture for anyone who prefers numbers.
 */
export function ChartFigure({ title, summary, table, children, actions, note }: ChartFigureProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <section className="panel chart-panel" aria-labelledby={titleId}>
      <header className="chart-header">
        <h2 id={titleId}>{title}</h2>
        <div className="chart-actions">
          {actions}
          <button
            type="button"
            className="button button-ghost button-small"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {asTable ? t('stats.chart.showChart') : t('stats.chart.showTable')}
          </button>
        </div>
      </header>
      {!asTable && (
        <div className="chart-picture" role="img" aria-label={summary}>
          {children}
        </div>
      )}
      {note && <p className="field-hint">{note}</p>}
      <div className={asTable ? 'chart-table-wrap' : 'visually-hidden'}>
        <table className="chart-table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
