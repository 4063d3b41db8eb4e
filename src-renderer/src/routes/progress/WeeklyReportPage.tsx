import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WeeklyReport } from '../../../../src-shared/contract/progress';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { isDesktopShell } from '../../lib/api';
import { formatCount, formatDay, formatDuration, formatPercent } from './format';
import { ReportConversations } from './ReportConversations';
import './progress.css';

const DAY_MS = 86_400_000;
const shiftWeek = (key: string, weeks: number) =>
  new Date(Date.parse(`${key}T00:00:00Z`) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);

/**
 * A printable week for the learner or a teacher. The desktop app saves it as a PDF (the shell's printToPDF); in a
 * browser the print button opens the browser's print dialog, and the print stylesheet leaves only the report.
 */
export function WeeklyReportPage() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const week = params.get('week') ?? undefined;
  const report = useContractQuery('progress:weeklyReport', week ? { week } : {});
  const savePdf = useContractMutation('progress:saveReportPdf');
  const desktop = isDesktopShell();
  const data = report.data;

  const print = () => {
    if (!desktop || !data) return window.print();
    savePdf.mutate(
      { fileName: `parley-week-${data.from}.pdf` },
      {
        onSuccess: ({ supported, path }) => {
          if (!supported) return window.print();
          toast.show(path ? t('stats.report.saved', { path }) : t('stats.report.notSaved'), path ? 'success' : 'info');
        },
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );
  };
  const goTo = (from: string) => setParams({ week: from });
  const isCurrentWeek = data ? data.to >= data.today : true;

  return (
    <div className="page weekly-report-page">
      <nav className="report-toolbar actions" aria-label={t('stats.report.title')}>
        <Link to="/progress" className="button button-ghost">
          <Icon name="arrowLeft" size={18} />
          {t('stats.report.back')}
        </Link>
        <button
          type="button"
          className="button"
          disabled={!data}
          onClick={() => data && goTo(shiftWeek(data.from, -1))}
        >
          {t('stats.report.previous')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!data || isCurrentWeek}
          onClick={() => data && goTo(shiftWeek(data.from, 1))}
        >
          {t('stats.report.next')}
        </button>
        <button type="button" className="button button-primary" disabled={!data || savePdf.isPending} onClick={print}>
          <Icon name="download" size={18} />
          {desktop ? t('stats.report.savePdf') : t('stats.report.print')}
        </button>
      </nav>
      {report.isPending ? (
        <LoadingScreen />
      ) : report.isError ? (
        <FormError message={describe(report.error)} />
      ) : (
        <ReportBody report={report.data} />
      )}
    </div>
  );
}

function ReportBody({ report: r }: { report: WeeklyReport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const n = (v: number) => formatCount(v, locale);
  const answers = r.retention.passed + r.retention.failed;
  return (
    <article className="weekly-report">
      <header className="page-header">
        <h1 className="page-title">{t('stats.report.title')}</h1>
        <p className="page-subtitle">
          {t('stats.report.subtitle', {
            name: r.learnerName,
            from: formatDay(r.from, locale),
            to: formatDay(r.to, locale),
          })}
        </p>
      </header>

      <section aria-labelledby="report-studied">
        <h2 id="report-studied">{t('stats.report.studied')}</h2>
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.report.day')}</th>
              <th scope="col">{t('stats.report.reviews')}</th>
              <th scope="col">{t('stats.report.newWords')}</th>
              <th scope="col">{t('stats.report.again')}</th>
              <th scope="col">{t('stats.report.time')}</th>
            </tr>
          </thead>
          <tbody>
            {r.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDay(d.date, locale)}</th>
                <td>{n(d.reviews)}</td>
                <td>{n(d.introduced)}</td>
                <td>{n(d.again)}</td>
                <td>{formatDuration(d.durationMs, t)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('stats.report.total')}</th>
              <td data-total="reviews">{n(r.totals.reviews)}</td>
              <td>{n(r.totals.introduced)}</td>
              <td>{n(r.days.reduce((s, d) => s + d.again, 0))}</td>
              <td>{formatDuration(r.totals.durationMs, t)}</td>
            </tr>
          </tfoot>
        </table>
        <p>{t('stats.report.activeDays', { count: r.totals.activeDays })}</p>
        <p>{t('stats.report.wordsAdded', { count: r.wordsAdded })}</p>
      </section>

      <section aria-labelledby="report-retention">
        <h2 id="report-retention">{t('stats.report.retention')}</h2>
        <p>
          {r.retention.retention === null
            ? t('stats.report.retentionNone')
            : t('stats.report.retentionLine', {
                actual: formatPercent(r.retention.retention, locale),
                answers: n(answers),
                desired: formatPercent(r.retention.desired, locale),
              })}
        </p>
      </section>

      <section aria-labelledby="report-mistakes">
        <h2 id="report-mistakes">{t('stats.report.mistakes')}</h2>
        {r.mistakes.length === 0 ? (
          <p>{t('stats.report.mistakesNone')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('stats.report.word')}</th>
                <th scope="col" className="cell-text">
                  {t('stats.report.translation')}
                </th>
                <th scope="col">{t('stats.report.againThisWeek')}</th>
                <th scope="col">{t('stats.report.lapses')}</th>
              </tr>
            </thead>
            <tbody>
              {r.mistakes.map((m) => (
                <tr key={m.cardId}>
                  <th scope="row">
                    {m.term}
                    {m.leech && <span className="badge">{t('stats.report.leech')}</span>}
                  </th>
                  <td className="cell-text">{m.translation}</td>
                  <td>{n(m.againThisWeek)}</td>
                  <td>{n(m.lapses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ReportConversations conversations={r.conversations} />
      <p className="report-footer">{t('stats.report.generated', { date: formatDay(r.today, locale) })}</p>
    </article>
  );
}
