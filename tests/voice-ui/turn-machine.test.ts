import { describe, expect, it } from 'vitest';
import { initialTurnState, turnStep, type TurnEvent, type TurnState } from '../../src-renderer/src/audio/turn-machine';

function run(events: TurnEvent[], from: TurnState = initialTurnState) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const out = turnStep(state, event);
    state = out.next;
    effects.push(...out.effects);
  }
  return { state, effects };
}

describe('the voice turn state machine', () => {
  it('goes listening → hearing → thinking → speaking → listening over one turn', () => {
    const seen: string[] = [];
    let state = initialTurnState;
    for (const event of [
      { type: 'start' },
      { type: 'speechStart' },
      { type: 'turnSent', turnId: 't1' },
      { type: 'audioStarted', turnId: 't1' },
      { type: 'replyEnded', turnId: 't1' },
    ] as TurnEvent[]) {
      const out = turnStep(state, event);
      expect(out.effects).toEqual([]);
      state = out.next;
      seen.push(state.state);
    }
    expect(seen).toEqual(['listening', 'hearing', 'thinking', 'speaking', 'listening']);
  });

  it('barges in: speech during playback stops it and cancels that turn', () => {
    const speaking = run([
      { type: 'start' },
      { type: 'turnSent', turnId: 't1' },
      { type: 'audioStarted', turnId: 't1' },
    ]);
    expect(speaking.state).toEqual({ state: 'speaking', turnId: 't1' });
    const out = turnStep(speaking.state, { type: 'speechStart' });
    expect(out.next).toEqual({ state: 'hearing', turnId: null });
    expect(out.effects).toEqual([{ type: 'stopPlayback' }, { type: 'cancel', turnId: 't1' }]);
  });

  it('also cancels a reply that has not started playing yet', () => {
    const thinking = run([{ type: 'start' }, { type: 'turnSent', turnId: 't1' }]).state;
    expect(turnStep(thinking, { type: 'speechStart' }).effects).toEqual([
      { type: 'stopPlayback' },
      { type: 'cancel', turnId: 't1' },
    ]);
  });

  it('ignores stale events of a cancelled turn', () => {
    const { state } = run([
      { type: 'start' },
      { type: 'turnSent', turnId: 't1' },
      { type: 'speechStart' },
      { type: 'turnSent', turnId: 't2' },
      { type: 'audioStarted', turnId: 't1' },
      { type: 'replyEnded', turnId: 't1' },
    ]);
    expect(state).toEqual({ state: 'thinking', turnId: 't2' });
  });

  it('returns to listening after a misfire or a failed turn, and Esc hushes the reply', () => {
    expect(run([{ type: 'start' }, { type: 'speechStart' }, { type: 'speechDiscarded' }]).state.state).toBe(
      'listening',
    );
    expect(
      run([{ type: 'start' }, { type: 'turnSent', turnId: 't1' }, { type: 'turnFailed', turnId: 't1' }]).state.state,
    ).toBe('listening');
    const hushed = run([
      { type: 'start' },
      { type: 'turnSent', turnId: 't1' },
      { type: 'audioStarted', turnId: 't1' },
      { type: 'hush' },
    ]);
    expect(hushed.state).toEqual({ state: 'listening', turnId: null });
    expect(hushed.effects).toEqual([{ type: 'stopPlayback' }, { type: 'cancel', turnId: 't1' }]);
  });

  it('does nothing while off, and stopping mid-reply cancels it', () => {
    expect(run([{ type: 'speechStart' }, { type: 'turnSent', turnId: 't1' }]).state).toEqual(initialTurnState);
    const stopped = run([{ type: 'start' }, { type: 'turnSent', turnId: 't1' }, { type: 'stop' }]);
    expect(stopped.state).toEqual(initialTurnState);
    expect(stopped.effects).toEqual([{ type: 'stopPlayback' }, { type: 'cancel', turnId: 't1' }]);
    // Speech while merely listening is no barge-in.
    expect(run([{ type: 'start' }, { type: 'speechStart' }]).effects).toEqual([]);
  });
});
