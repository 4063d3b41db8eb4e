import type { OpenedPackage } from './package-open';
import { isSafeMediaName } from './media-map';
import { createMediaStore } from './media-store';
import { mediaOf } from './field-text';

export interface StoredMedia {
  /** Package media name → stored (content-addressed) name. */
  names: Map<string, string>;
  /** Files this import added, removed again if it does not commit. */
  created: string[];
  /** Names the notes use that could not be stored, with why. */
  missing: { name: string; reason: string }[];
}

/** Every media name the notes point at ([sound:…] and <img src>). */
export function referencedMedia(pkg: OpenedPackage): Set<string> {
  const names = new Set<string>();
  for (const flds of pkg.sqlite.prepare('SELECT flds FROM notes').pluck().iterate() as Iterable<string>) {
    if (!flds.includes('[sound:') && !/<img/i.test(flds)) continue;
    const { audio, images } = mediaOf(flds);
    for (const name of [...audio, ...images]) names.add(name);
  }
  return names;
}

/**
 * Copies the media the notes use into the content-addressed store. A name with a folder in it is refused and a
 * file the package lacks is reported; neither stops the import.
 */
export async function storeMedia(pkg: OpenedPackage, dataDir: string, wanted: Set<string>, onFile: () => void): Promise<StoredMedia> {
  const store = createMediaStore(dataDir);
  const members = new Map(pkg.media.map((m) => [m.name, m.member]));
  const result: StoredMedia = { names: new Map(), created: [], missing: [] };
  try {
    for (const name of [...wanted].sort()) {
      onFile();
      if (!isSafeMediaName(name)) {
        result.missing.push({ name, reason: 'The name points outside the media folder, so it was not imported.' });
        continue;
      }
      const member = members.get(name);
      if (member === undefined || !pkg.hasMember(member)) {
        result.missing.push({ name, reason: 'The package does not contain this file.' });
        continue;
      }
      const { stored, created } = store.put(name, await pkg.readMedia(member));
      result.names.set(name, stored);
      if (created) result.created.push(created);
    }
  } catch (error) {
    store.remove(result.created);
    throw error;
  }
  return result;
}
