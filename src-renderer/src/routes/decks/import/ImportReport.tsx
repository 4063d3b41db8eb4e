import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../src-shared/contract';

type JobResult = Output<'import:result'>;

/** What a check found (or an import did): counts, then each rejected row with its line and reason. */
export function ImportReport({ result }: { result: JobResult }) {
  const { t } = useTranslation();
  const verb = result.committed ? 'done' : 'check';
  const counts = [
    { key: 'imported', count: result.imported },
    { key: 'updated', count: result.updated },
    { key: 'skipped', count: result.skipped },
    { key: 'rejected', count: result.rejectedCount },
  ] as const;
  return (
    <div className="stack import-report">
      <p className="lead">{t(`import.report.${verb}Summary`, { count: result.rows })}</p>
      <dl className="report-counts">
        {counts.map(({ key, count }) => (
          <div key={key} className={`report-count report-${key}`}>
            <dt>{t(`import.report.${verb}.${key}`)}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      {result.rejectedCount > 0 && (
        <div className="stack">
          <h3 className="subsection-title">{t('import.report.rejectedTitle')}</h3>
          <div
            className="table-scroll rejected-scroll"
            role="region"
            aria-label={t('import.report.rejectedTitle')}
            tabIndex={0}
          >
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.report.line')}</th>
                  <th scope="col">{t('import.report.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rejected.map((problem) => (
                  <tr key={`${problem.line}:${problem.reason}`}>
                    <td className="number-cell">{t('import.report.lineNumber', { line: problem.line })}</td>
                    <td>{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.rejectedCount > result.rejected.length && (
            <p className="field-hint">
              {t('import.report.more', { count: result.rejectedCount - result.rejected.length })}
            </p>
          )}
          {!result.committed && <p className="field-hint">{t('import.report.rejectedHint')}</p>}
        </div>
      )}
    </div>
  );
}
