/** A card waiting in a session: just enough to order it and to find it again. */
export interface QueuedCard {
  id: string;
  noteId: string;
  deckId: string;
  state: number;
  due: number;
}

/**
 * Spreads new cards evenly among reviews (Anki's "mix new cards and reviews"): after the p-th card shown,
 * about p × news / total of them were new.
 */
export function interleave(reviews: QueuedCard[], news: QueuedCard[]): QueuedCard[] {
  const total = reviews.length + news.length;
  const out: QueuedCard[] = [];
  let r = 0;
  let n = 0;
  for (let p = 0; p < total; p += 1) {
    const newsByNow = Math.floor(((p + 1) * news.length) / total);
    if ((n < newsByNow && n < news.length) || r >= reviews.length) out.push(news[n++]!);
    else out.push(reviews[r++]!);
  }
  return out;
}

type Place = 'front' | 'main' | 'learning';

/**
 * The day's queue for one session, built once and then changed card by card: an answered card leaves, a learning
 * card due again today comes back by its due time, an undone card comes back first. A backlog can hold thousands
 * of cards, so every change costs O(1) (O(learning) for a learning card): cards are found through maps and leave
 * the main list lazily.
 */
export class SessionQueue {
  /** Every card in the queue, and where it waits. */
  private readonly places = new Map<string, { card: QueuedCard; place: Place }>();
  private readonly byNote = new Map<string, Set<string>>();
  private readonly tally = { new: 0, learning: 0, review: 0 };
  /** Main-list cards before this index have been shown or taken out. */
  private head = 0;
  /** A card put back by undo: shown next, whatever else is due. */
  private front: QueuedCard | null = null;

  constructor(
    /** Reviews and new cards, interleaved, in the order they are shown. */
    private readonly main: QueuedCard[],
    /** Learning and relearning cards due today, by due time: each is shown once its time has come. */
    private readonly learning: QueuedCard[],
  ) {
    this.learning.sort((a, b) => a.due - b.due);
    for (const card of main) this.track(card, 'main');
    for (const card of learning) this.track(card, 'learning');
  }

  /** The card to show now, or null when nothing is due yet. */
  current(now: number): QueuedCard | null {
    if (this.front) return this.front;
    const firstLearning = this.learning[0];
    if (firstLearning && firstLearning.due <= now) return firstLearning;
    this.skipGone();
    return this.main[this.head] ?? null;
  }

  /** Moves the head past main-list cards that were taken out since. */
  private skipGone(): void {
    while (this.head < this.main.length && !this.waitsInMain(this.main[this.head]!)) this.head += 1;
  }

  private waitsInMain(card: QueuedCard): boolean {
    const entry = this.places.get(card.id);
    return entry?.place === 'main' && entry.card === card;
  }

  /** When nothing can be shown now, the due time of the next learning card (today), else null. */
  nextLearningAt(now: number): number | null {
    return this.current(now) ? null : (this.learning[0]?.due ?? null);
  }

  has(cardId: string): boolean {
    return this.places.has(cardId);
  }

  /** Takes a card out wherever it is. */
  remove(cardId: string): void {
    const entry = this.places.get(cardId);
    if (!entry) return;
    this.untrack(entry.card);
    if (entry.place === 'front') this.front = null;
    if (entry.place === 'learning') this.learning.splice(this.learning.indexOf(entry.card), 1);
  }

  /** Takes out the other new and review cards of a note (its buried siblings); learning steps go on. */
  removeSiblings(noteId: string, exceptCardId: string): void {
    for (const id of [...(this.byNote.get(noteId) ?? [])]) {
      const entry = this.places.get(id)!;
      if (id !== exceptCardId && entry.place === 'main') this.remove(id);
    }
  }

  /** A learning card due again today goes back in by its due time. */
  addLearning(card: QueuedCard): void {
    this.remove(card.id);
    let at = this.learning.length;
    while (at > 0 && this.learning[at - 1]!.due > card.due) at -= 1;
    this.learning.splice(at, 0, card);
    this.track(card, 'learning');
  }

  /** An undone answer's card becomes the current card again (one undone before it waits right behind). */
  putFront(card: QueuedCard): void {
    this.remove(card.id);
    const displaced = this.front;
    if (displaced) {
      this.remove(displaced.id);
      if (kindOf(displaced) === 'learning') this.addLearning(displaced);
      else this.addNext(displaced);
    }
    this.front = card;
    this.track(card, 'front');
  }

  private addNext(card: QueuedCard): void {
    this.skipGone();
    this.main.splice(this.head, 0, card);
    this.track(card, 'main');
  }

  counts(): { new: number; learning: number; review: number } {
    return { ...this.tally };
  }

  private track(card: QueuedCard, place: Place): void {
    this.places.set(card.id, { card, place });
    const siblings = this.byNote.get(card.noteId) ?? new Set<string>();
    siblings.add(card.id);
    this.byNote.set(card.noteId, siblings);
    this.tally[kindOf(card)] += 1;
  }

  private untrack(card: QueuedCard): void {
    this.places.delete(card.id);
    this.byNote.get(card.noteId)?.delete(card.id);
    this.tally[kindOf(card)] -= 1;
  }
}

const kindOf = (card: QueuedCard): 'new' | 'learning' | 'review' =>
  card.state === 0 ? 'new' : card.state === 2 ? 'review' : 'learning';
