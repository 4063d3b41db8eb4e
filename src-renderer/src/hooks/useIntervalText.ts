import { useTranslation } from 'react-i18next';
import { intervalParts } from '../lib/intervals';

/** "10m", "3d", "2mo": how long until the card comes back after this rating. */
export function useIntervalText(): (ms: number) => string {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (ms: number) => {
    const { unit, count } = intervalParts(ms);
    return t(`review.interval.${unit}`, { count, value: number.format(count) });
  };
}
