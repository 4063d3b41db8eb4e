import { useTranslation } from 'react-i18next';

type Fit = { logLoss: number; rmse: number };

/** Log loss and RMSE of the current and the optimized parameters: lower is better for both. */
export function FitTable({ current, optimized, reviews }: { current: Fit; optimized: Fit; reviews: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 2 });
  return (
    <table className="fit-table">
      <caption>{t('optimizer.caption', { count: reviews })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('optimizer.parameters')}</th>
          <th scope="col">{t('optimizer.logLoss')}</th>
          <th scope="col">{t('optimizer.rmse')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('optimizer.current')}</th>
          <td>{number.format(current.logLoss)}</td>
          <td>{percent.format(current.rmse)}</td>
        </tr>
        <tr>
          <th scope="row">{t('optimizer.optimized')}</th>
          <td className={optimized.logLoss < current.logLoss ? 'fit-better' : undefined}>
            {number.format(optimized.logLoss)}
          </td>
          <td className={optimized.rmse < current.rmse ? 'fit-better' : undefined}>{percent.format(optimized.rmse)}</td>
        </tr>
      </tbody>
    </table>
  );
}
