import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import type { Conversation } from '../../../../src-shared/domain/tutor';
import { ActionMenu } from '../../components/ActionMenu';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { RenameDialog } from './RenameDialog';
import { SearchHits } from './SearchHits';

const PAGE = 50;
const MAX_LIMIT = 200;
const SEARCH_DELAY_MS = 200;

/** The learner's conversations, newest first, with full-text search over everything said in them. */
export function ConversationList({ currentId }: { currentId: string | null }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [renaming, setRenaming] = useState<Conversation | null>(null);
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const list = useContractQuery('tutor:list', { limit, offset: 0 }, { placeholderData: keepPreviousData });
  const search = useContractQuery(
    'tutor:search',
    { query: settled, limit: 50, offset: 0 },
    { enabled: settled.length > 0, placeholderData: keepPreviousData },
  );
  const remove = useContractMutation('tutor:delete');
  const restore = useContractMutation('tutor:restore');

  const onDelete = (conversation: Conversation) =>
    remove.mutate(
      { conversationId: conversation.id },
      {
        onSuccess: () => {
          if (conversation.id === currentId) void navigate('/tutor');
          toast.show(t('tutor.list.deleted', { title: conversation.title }), 'success', {
            label: t('tutor.list.undo'),
            onAction: () =>
              restore.mutate(
                { conversationId: conversation.id },
                {
                  onSuccess: () => toast.show(t('tutor.list.restored', { title: conversation.title }), 'info'),
                  onError: (error) => toast.show(describe(error), 'error'),
                },
              ),
          });
        },
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );

  const conversations = list.data?.conversations ?? [];
  return (
    <nav className="conversation-nav" aria-labelledby="tutor-conversations-heading">
      <h2 id="tutor-conversations-heading" className="small-heading">
        {t('tutor.list.heading')}
      </h2>
      <div className="search-field">
        <Icon name="search" size={18} />
        <input
          type="search"
          className="input"
          aria-label={t('tutor.list.searchLabel')}
          placeholder={t('tutor.list.searchPlaceholder')}
          value={query}
          maxLength={500}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => event.key === 'Escape' && query && (event.preventDefault(), setQuery(''))}
        />
      </div>
      {settled ? (
        search.isError ? (
          <FormError message={describe(search.error)} />
        ) : search.data ? (
          <SearchHits hits={search.data.hits} total={search.data.total} query={settled} />
        ) : null
      ) : list.isError ? (
        <FormError message={describe(list.error)} />
      ) : list.data && conversations.length === 0 ? (
        <p className="field-hint conversation-empty">{t('tutor.list.empty')}</p>
      ) : (
        <ul className="conversation-list">
          {conversations.map((conversation) => (
            <li key={conversation.id} className="conversation-item">
              <NavLink className="conversation-link" to={`/tutor/${conversation.id}`}>
                <span className="conversation-title">{conversation.title}</span>
                <span className="conversation-preview">{conversation.preview}</span>
                <span className="conversation-meta">
                  {t('tutor.list.messages', { count: conversation.messageCount })}
                  {conversation.goalReachedAt !== null && (
                    <span className="status-pill status-on">{t('tutor.list.goalReached')}</span>
                  )}
                </span>
              </NavLink>
              <ActionMenu
                label={t('tutor.list.actionsFor', { title: conversation.title })}
                items={[
                  { key: 'rename', label: t('tutor.list.rename'), icon: 'edit', onSelect: () => setRenaming(conversation) },
                  {
                    key: 'delete',
                    label: t('tutor.list.delete'),
                    icon: 'trash',
                    tone: 'danger',
                    onSelect: () => onDelete(conversation),
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {!settled && list.data && list.data.total > conversations.length && limit < MAX_LIMIT && (
        <button type="button" className="button button-small button-ghost" onClick={() => setLimit((n) => Math.min(MAX_LIMIT, n + PAGE))}>
          {t('tutor.list.showMore')}
        </button>
      )}
      {renaming && <RenameDialog conversation={renaming} onClose={() => setRenaming(null)} />}
    </nav>
  );
}
