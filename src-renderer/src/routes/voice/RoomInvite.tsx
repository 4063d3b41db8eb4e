import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomInvitation } from '../../../../src-shared/domain/livekit-room';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { roomProblemText } from '../../i18n/room-problem';
import { formatTime } from '../../lib/format';

/** Copies the text: the Clipboard API, else the selected text area (the desktop shell grants no clipboard permission). */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!area) return false;
    area.focus();
    area.select();
    return document.execCommand('copy');
  }
}

/** "Invite a teacher or partner": a guest token for this room (an hour), shown as a link and a token to copy. */
export function RoomInvite({ room }: { room: string }) {
  const { t, i18n } = useTranslation();
  const invite = useContractMutation('voice:roomInvite');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [invitation, setInvitation] = useState<RoomInvitation | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setCopied(null);
    invite.mutate({ room, name: name.trim() }, { onSuccess: setInvitation });
  };

  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('voice.room.invite.open')}
        </button>
      </div>
    );
  }

  return (
    <div className="stack room-invite">
      <form className="voice-settings-row" onSubmit={submit} noValidate>
        <TextField
          label={t('voice.room.invite.name')}
          hint={t('voice.room.invite.nameHint')}
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={invite.isPending || !name.trim()}>
          {t('voice.room.invite.create')}
        </button>
        <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>
          {t('voice.room.invite.close')}
        </button>
      </form>
      {invite.isError && (
        <p className="field-error" role="alert">
          {roomProblemText(t, invite.error)}
        </p>
      )}
      {invitation && (
        <>
          <p className="field-hint">
            {t('voice.room.invite.ready', {
              name: invitation.name,
              time: formatTime(invitation.expiresAt, i18n.language),
            })}
          </p>
          <label className="field-label" htmlFor="room-invite-text">
            {t('voice.room.invite.text')}
          </label>
          <textarea
            id="room-invite-text"
            ref={area}
            className="input"
            readOnly
            rows={5}
            value={invitation.shareText}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => void copyText(invitation.shareText, area.current).then(setCopied)}
            >
              {t('voice.room.invite.copy')}
            </button>
            <span role="status" className="field-hint">
              {copied === true
                ? t('voice.room.invite.copied')
                : copied === false
                  ? t('voice.room.invite.copyFailed')
                  : ''}
            </span>
          </div>
        </>
      )}
    </div>
  );
}
