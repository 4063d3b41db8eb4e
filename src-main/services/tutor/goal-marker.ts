import { GOAL_MARKER } from './prompts/conversation.v1';

/**
 * Takes the goal marker out of a streamed reply. Text that might be the start of the marker is held back until
 * the next piece shows whether it is; the marker itself (and the blank space before it) never reaches the learner.
 */
export function createGoalFilter(marker = GOAL_MARKER) {
  let held = '';
  let reached = false;
  let shownAny = false;
  /** Text after a marker in mid-reply starts on a new line instead of running into the text before it. */
  let breakBefore = false;

  const release = (text: string): string => {
    if (!text) return text;
    const out = breakBefore && shownAny ? `\n${text}` : text;
    breakBefore = false;
    shownAny = true;
    return out;
  };

  const splitHeld = (): string => {
    const at = held.indexOf(marker);
    if (at >= 0) {
      reached = true;
      const before = release(held.slice(0, at).replace(/\s+$/, ''));
      held = held.slice(at + marker.length).replace(/^\s+/, '');
      breakBefore = true;
      return before + splitHeld();
    }
    let keep = 0;
    for (let n = Math.min(marker.length - 1, held.length); n > 0; n -= 1) {
      if (marker.startsWith(held.slice(held.length - n))) {
        keep = n;
        break;
      }
    }
    const trailingSpace = keep > 0 ? (/\s+$/.exec(held.slice(0, held.length - keep))?.[0].length ?? 0) : 0;
    const out = held.slice(0, held.length - keep - trailingSpace);
    held = held.slice(held.length - keep - trailingSpace);
    return release(breakBefore ? out.replace(/^\s+/, '') : out);
  };

  return {
    /** The part of `piece` (with anything held before) that can be shown now. */
    push(piece: string): string {
      held += piece;
      return splitHeld();
    },
    /** What was held back, at the end of the stream. */
    flush(): string {
      const rest = held;
      held = '';
      return release(breakBefore ? rest.replace(/^\s+/, '') : rest);
    },
    get reached() {
      return reached;
    },
  };
}

/** The stored text of a whole reply without the marker. */
export function stripGoalMarker(text: string): { text: string; reached: boolean } {
  const filter = createGoalFilter();
  const shown = filter.push(text) + filter.flush();
  return { text: shown.trim() === '' ? shown : shown.replace(/\s+$/, ''), reached: filter.reached };
}
