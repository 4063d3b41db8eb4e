import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../src-shared/domain/tutor';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';

const MAX_TITLE = 120;

/** Renaming a conversation. Mounted only while open. */
export function RenameDialog({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [title, setTitle] = useState(conversation.title);
  const [showProblem, setShowProblem] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rename = useContractMutation('tutor:rename');
  const trimmed = title.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblem(true);
    if (!trimmed) return;
    rename.mutate(
      { conversationId: conversation.id, title: trimmed },
      { onSuccess: onClose, onError: (error) => setFailure(describe(error)) },
    );
  };

  return (
    <Dialog open onClose={onClose} title={t('tutor.list.renameTitle')}>
      <form onSubmit={submit} noValidate className="stack">
        <TextField
          label={t('tutor.list.nameLabel')}
          value={title}
          autoFocus
          maxLength={MAX_TITLE}
          onChange={(event) => setTitle(event.target.value)}
          error={showProblem && !trimmed ? t('tutor.errors.empty') : null}
        />
        <FormError message={failure} />
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={rename.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
