import { useTranslation } from 'react-i18next';
import { ACHIEVEMENTS } from '../../../../src-shared/domain/achievements';
import { Icon } from '../../components/Icon';
import { useContractQuery } from '../../hooks/useContractQuery';

const sourceOf = new Map<string, string>(ACHIEVEMENTS.map((a) => [a.key, a.source]));

/** Every achievement, unlocked ones with their date; tutor and voice ones marked as arriving with those features. */
export function AchievementsPanel() {
  const { t, i18n } = useTranslation();
  const list = useContractQuery('progress:achievements', {});
  const achievements = list.data?.achievements ?? [];
  const unlocked = achievements.filter((a) => a.unlockedAt !== null).length;
  const date = (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(ms));
  return (
    <section className="panel achievements-panel" aria-labelledby="achievements-title">
      <header className="chart-header">
        <h2 id="achievements-title">{t('stats.achievements.title')}</h2>
        {list.isSuccess && (
          <p className="field-hint">{t('stats.achievements.count', { unlocked, total: achievements.length })}</p>
        )}
      </header>
      <ul className="achievement-list">
        {achievements.map((a) => {
          const status =
            a.unlockedAt !== null
              ? t('stats.achievements.unlockedOn', { date: date(a.unlockedAt) })
              : !a.available
                ? t(
                    sourceOf.get(a.key) === 'voice'
                      ? 'stats.achievements.comingSoonVoice'
                      : 'stats.achievements.comingSoon',
                  )
                : t('stats.achievements.locked');
          return (
            <li
              key={a.key}
              className={`achievement ${a.unlockedAt !== null ? 'is-unlocked' : 'is-locked'}`}
              data-achievement={a.key}
            >
              <Icon name={a.unlockedAt !== null ? 'sparkle' : 'lock'} size={22} />
              <div>
                <p className="achievement-name">{t(`stats.achievements.names.${a.key}`)}</p>
                <p className="achievement-description">{t(`stats.achievements.descriptions.${a.key}`)}</p>
                <p className="achievement-status">{status}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
