import { useTranslation } from 'react-i18next';

/** The chat's keys, listed once where the learner can look them up. */
export function ShortcutList() {
  const { t } = useTranslation();
  const rows = [
    ['Enter', t('tutor.chat.shortcutSend')],
    ['Shift + Enter', t('tutor.chat.shortcutNewline')],
    ['Esc', t('tutor.chat.shortcutStop')],
    ['↑', t('tutor.chat.shortcutEdit')],
  ] as const;
  return (
    <details className="shortcut-list">
      <summary>{t('tutor.chat.shortcuts')}</summary>
      <dl>
        {rows.map(([key, what]) => (
          <div key={key} className="shortcut-row">
            <dt>
              <kbd className="kbd">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
