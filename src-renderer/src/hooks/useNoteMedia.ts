import { useEffect, useMemo } from 'react';
import { useContractQuery } from './useContractQuery';

/**
 * One of a note's own sounds or pictures (imported from Anki) as a blob: URL, or null while it loads or when it
 * cannot be read (missing from the data folder: the card is shown without it); `settled` once that is known. The URL is revoked when the name
 * changes or the component goes.
 */
export function useNoteMedia(noteId: string, name: string | undefined): { url: string | null; settled: boolean } {
  const query = useContractQuery('anki:media', { noteId, name: name ?? '' }, { enabled: name !== undefined, staleTime: Infinity });
  const data = name === undefined ? undefined : query.data;
  const url = useMemo(() => {
    if (!data) return null;
    const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: data.mime }));
  }, [data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { url, settled: name === undefined || query.isSuccess || query.isError };
}
