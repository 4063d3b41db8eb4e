/** The last seq of a pull page: as many rows as fit in `maxBytes`, but always at least one. */
export function lastSeqWithin(rows: { seq: number; size: number }[], maxBytes: number): number | null {
  let total = 0;
  let last: number | null = null;
  for (const row of rows) {
    total += row.size;
    if (last !== null && total > maxBytes) break;
    last = row.seq;
  }
  return last;
}
