import { AnkiPackageError } from './package-errors';
import { decodeMessage } from './protobuf-wire';

/** One media file of a package: its name in the collection and the zip member holding its bytes. */
export interface PackageMedia {
  name: string;
  member: string;
}

/** The legacy map: JSON `{"0": "foo.wav", ...}`, member name → media name. */
export function parseLegacyMediaMap(bytes: Buffer): PackageMedia[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8') || '{}');
  } catch {
    throw new AnkiPackageError('The package’s media list is damaged.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new AnkiPackageError('The package’s media list is damaged.');
  return Object.entries(parsed as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([member, name]) => ({ name, member }));
}

/**
 * The current map (`MediaEntries` protobuf, zstd-compressed by the caller): entry i lives in member "i" unless
 * it names a legacy member number (field 255).
 */
export function parseProtobufMediaMap(bytes: Uint8Array): PackageMedia[] {
  try {
    return decodeMessage(bytes)
      .filter((f) => f.field === 1 && f.value instanceof Uint8Array)
      .map((f, index) => {
        const entry = decodeMessage(f.value as Uint8Array);
        const name = entry.find((e) => e.field === 1)?.value;
        const legacy = entry.find((e) => e.field === 255)?.value;
        return {
          name: name instanceof Uint8Array ? Buffer.from(name).toString('utf8') : '',
          member: typeof legacy === 'number' ? String(legacy) : String(index),
        };
      });
  } catch {
    throw new AnkiPackageError('The package’s media list is damaged.');
  }
}

/**
 * A media name Parley accepts: a plain file name. Anki never writes folders into media names, so `../x`, `/etc/x`,
 * `C:\x` or a name with control characters is refused (reported, and the file skipped).
 */
export function isSafeMediaName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 255 || /[\u0000-\u001f/\\]/.test(name)) return false;
  if (name === '.' || name === '..' || /^[a-zA-Z]:/.test(name)) return false;
  return true;
}
