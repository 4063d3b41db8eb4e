/**
 * The voice screen's state: off, listening for the learner, hearing them speak, thinking (the turn is with the
 * core) or speaking (the reply plays). Pure, so barge-in is decided in one place and tested without audio.
 */
export type VoiceState = 'off' | 'listening' | 'hearing' | 'thinking' | 'speaking';

export interface TurnState {
  state: VoiceState;
  /** The turn whose reply is coming or playing. */
  turnId: string | null;
}

export type TurnEvent =
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'speechStart' }
  /** The learner silenced the reply (Esc). */
  | { type: 'hush' }
  | { type: 'speechDiscarded' }
  | { type: 'turnSent'; turnId: string }
  | { type: 'turnFailed'; turnId: string }
  | { type: 'audioStarted'; turnId: string }
  | { type: 'replyEnded'; turnId: string };

/** What the caller must do after a step: stop the playing reply, cancel the turn in the core. */
export type TurnEffect = { type: 'stopPlayback' } | { type: 'cancel'; turnId: string };

export const initialTurnState: TurnState = { state: 'off', turnId: null };

export function turnStep(current: TurnState, event: TurnEvent): { next: TurnState; effects: TurnEffect[] } {
  const same = (turnId: string) => current.turnId === turnId;
  switch (event.type) {
    case 'start':
      return { next: current.state === 'off' ? { state: 'listening', turnId: null } : current, effects: [] };
    case 'stop':
      return { next: initialTurnState, effects: stopTurn(current) };
    case 'speechStart':
      if (current.state === 'off') return { next: current, effects: [] };
      // Barge-in: the learner talks over the reply (or before it starts): it stops at once and is cancelled.
      return { next: { state: 'hearing', turnId: null }, effects: stopTurn(current) };
    case 'hush':
      if (current.state !== 'thinking' && current.state !== 'speaking') return { next: current, effects: [] };
      return { next: { state: 'listening', turnId: null }, effects: stopTurn(current) };
    case 'speechDiscarded':
      return { next: current.state === 'hearing' ? { state: 'listening', turnId: null } : current, effects: [] };
    case 'turnSent':
      return { next: current.state === 'off' ? current : { state: 'thinking', turnId: event.turnId }, effects: [] };
    case 'turnFailed':
      return { next: same(event.turnId) ? { state: 'listening', turnId: null } : current, effects: [] };
    case 'audioStarted':
      return {
        next:
          same(event.turnId) && current.state === 'thinking' ? { state: 'speaking', turnId: event.turnId } : current,
        effects: [],
      };
    case 'replyEnded':
      return { next: same(event.turnId) ? { state: 'listening', turnId: null } : current, effects: [] };
  }
}

function stopTurn(current: TurnState): TurnEffect[] {
  if (current.turnId === null || (current.state !== 'thinking' && current.state !== 'speaking')) return [];
  return [{ type: 'stopPlayback' }, { type: 'cancel', turnId: current.turnId }];
}
