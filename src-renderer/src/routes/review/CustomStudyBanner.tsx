import { useTranslation } from 'react-i18next';
import type { CustomStudy } from '../../lib/study-scope';

/** Says which "Study more" session is running, with the way back to today's queue. */
export function CustomStudyBanner({ custom, onEnd }: { custom: CustomStudy; onEnd: () => void }) {
  const { t } = useTranslation();
  const text =
    custom.mode === 'ahead'
      ? t('review.custom.ahead', { count: custom.days })
      : custom.mode === 'extraNew'
        ? t('review.custom.extraNew', { count: custom.count })
        : t('review.custom.tag', { tag: custom.tag });
  return (
    <p className="custom-study">
      <span className="tag">{t('review.custom.label')}</span>
      <span>{text}</span>
      <button type="button" className="button button-small button-ghost" onClick={onEnd}>
        {t('review.custom.end')}
      </button>
    </p>
  );
}
