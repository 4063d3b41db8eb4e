import { hash53 } from '../../../src-shared/hash53';

/** Two notes are the same word when term and translation match, ignoring case (and Unicode composition). */
export function duplicateKey(term: string, translation: string): string {
  return `${term.normalize('NFC').toLowerCase()}\u0000${translation.normalize('NFC').toLowerCase()}`;
}

/**
 * The words already seen in this file, as 53-bit hashes in one flat array: 16 bytes a row at most, where a Set of
 * strings would hold the whole text of a 200 MB file. Two different words share a hash with odds of about
 * n²/2^54 (one in a hundred million for 10k rows); the price is one row reported as a duplicate.
 */
export class SeenWords {
  private slots = new Float64Array(1 << 12);
  private count = 0;

  /** Adds a key; false when it was already there. */
  add(key: string): boolean {
    if (this.count * 2 >= this.slots.length) this.grow();
    const stored = hash53(key) + 1;
    return this.place(this.slots, stored);
  }

  private place(slots: Float64Array, stored: number): boolean {
    const mask = slots.length - 1;
    for (let i = stored & mask; ; i = (i + 1) & mask) {
      if (slots[i] === stored) return false;
      if (slots[i] === 0) {
        slots[i] = stored;
        this.count += 1;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.count = 0;
    for (const stored of old) if (stored !== 0) this.place(this.slots, stored);
  }
}
