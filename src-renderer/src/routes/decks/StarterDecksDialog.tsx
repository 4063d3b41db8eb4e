import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { useFrame } from '../../lib/frame-context';
import { orderStarters } from '../../lib/starter-order';

/** The decks that ship with Parley, the learner's own languages first; each can be added once. */
export function StarterDecksDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { profile } = useFrame();
  const toast = useToast();
  const describe = useDescribeError();
  const starters = useContractQuery('decks:starters', {});
  const add = useContractMutation('decks:addStarter');
  const ordered = orderStarters(starters.data?.starters ?? [], profile);

  return (
    <Dialog open onClose={onClose} title={t('starters.title')} size="wide">
      <p className="field-hint">{t('starters.intro')}</p>
      {starters.isError && <FormError message={describe(starters.error)} />}
      {starters.isPending && <p role="status">{t('app.loading')}</p>}
      <ul className="starter-list">
        {ordered.map((starter) => {
          const adding = add.isPending && add.variables?.starterId === starter.id;
          return (
            <li key={starter.id} className="starter-item">
              <div className="starter-text">
                <h3>{starter.name}</h3>
                <p className="choice-card-meta">
                  {t('starters.pair', {
                    from: t(`languages.${starter.nativeLanguage}`),
                    to: t(`languages.${starter.targetLanguage}`),
                  })}{' '}
                  · {t('starters.words', { count: starter.noteCount })}
                </p>
                <p className="choice-card-text">{starter.description}</p>
              </div>
              {starter.installed ? (
                <span className="status-pill status-on">
                  <Icon name="check" size={14} /> {t('starters.installed')}
                </span>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={add.isPending}
                  aria-label={t('starters.addNamed', { name: starter.name })}
                  onClick={() =>
                    add.mutate(
                      { starterId: starter.id },
                      {
                        onSuccess: ({ deck }) => toast.show(t('starters.added', { name: deck.name })),
                        onError: (error) => toast.show(describe(error), 'error'),
                      },
                    )
                  }
                >
                  <Icon name="plus" size={18} />
                  {adding ? t('starters.adding') : t('starters.add')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="actions actions-end">
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
