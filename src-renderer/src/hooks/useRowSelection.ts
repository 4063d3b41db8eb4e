import { useState } from 'react';

/**
 * Which rows are selected, by id, kept across pages. A shift-click selects (or clears) the range from the last
 * row clicked on the same page.
 */
export function useRowSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);

  const toggle = (pageIds: readonly string[], id: string, extend: boolean) => {
    const on = !selected.has(id);
    const from = anchor === null ? -1 : pageIds.indexOf(anchor);
    const to = pageIds.indexOf(id);
    const range = extend && from >= 0 ? pageIds.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    setSelected((current) => {
      const next = new Set(current);
      for (const rowId of range) {
        if (on) next.add(rowId);
        else next.delete(rowId);
      }
      return next;
    });
    setAnchor(id);
  };

  const setPage = (pageIds: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of pageIds) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const clear = () => {
    setSelected(new Set());
    setAnchor(null);
  };

  return { selected, toggle, setPage, clear };
}
