import { api } from './api';

/**
 * Saves a finished export (an .apkg or the profile archive) through the browser's download, which the desktop
 * shell turns into a save dialog. The bytes come over the contract a piece at a time (`data:readFile`).
 */
export async function saveExport(file: { fileId: string; fileName: string }, type = 'application/zip'): Promise<void> {
  const parts: BlobPart[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const piece: { base64: string; nextOffset: number | null } = await api.invoke('data:readFile', { fileId: file.fileId, offset });
    parts.push(Uint8Array.from(atob(piece.base64), (ch) => ch.charCodeAt(0)));
    offset = piece.nextOffset;
  }
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
