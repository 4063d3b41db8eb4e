import { useCallback, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { useFrame } from '../lib/frame-context';

/**
 * What the learner has typed but not yet sent, with the id it will be sent under. The id stays with the text until
 * the core confirms it, so sending again after a failed call can never store the message twice.
 */
export interface TutorDraft {
  text: string;
  clientMessageId: string;
}

const PREFIX = 'parley.tutor.draft.';
const keyFor = (profileId: string, conversationId: string) => `${PREFIX}${profileId}.${conversationId}`;

/** On a shared computer the next learner in this window must not find the last one's unsent words. */
export function forgetOtherDrafts(profileId: string): void {
  try {
    const mine = `${PREFIX}${profileId}.`;
    const stale = Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i) ?? '').filter(
      (key) => key.startsWith(PREFIX) && !key.startsWith(mine),
    );
    for (const key of stale) sessionStorage.removeItem(key);
  } catch {
    // Storage disabled: there are no drafts to forget.
  }
}

function read(key: string): TutorDraft {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<TutorDraft> | null;
    if (stored && typeof stored.text === 'string' && typeof stored.clientMessageId === 'string') {
      return { text: stored.text, clientMessageId: stored.clientMessageId };
    }
  } catch {
    // A damaged entry is replaced by an empty draft.
  }
  return { text: '', clientMessageId: uuidv7() };
}

function write(key: string, draft: TutorDraft): void {
  try {
    if (draft.text) sessionStorage.setItem(key, JSON.stringify(draft));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the draft still lives in the component.
  }
}

/** The unsent text of one conversation, kept in sessionStorage across navigation and reloads of the window. */
export function useTutorDraft(conversationId: string) {
  const { profile } = useFrame();
  const key = keyFor(profile.id, conversationId);
  const [state, setState] = useState(() => ({ key, draft: read(key) }));
  const draft = state.key === key ? state.draft : read(key);

  const update = useCallback(
    (next: TutorDraft) => {
      write(key, next);
      setState({ key, draft: next });
    },
    [key],
  );

  /** Changed text is a new message, so it gets a new id; only the very text that failed keeps its id. */
  const setText = useCallback((text: string) => update({ text, clientMessageId: uuidv7() }), [update]);

  /** After the core stored the message: the box empties and the next message gets a fresh id. */
  const clear = useCallback(() => update({ text: '', clientMessageId: uuidv7() }), [update]);

  /** After a failed send: the text comes back with the same id (unless the learner typed something new meanwhile). */
  const restore = useCallback(
    (sent: TutorDraft) => {
      if (!read(key).text) update(sent);
    },
    [key, update],
  );

  return { draft, setText, clear, restore };
}
