/**
 * Writes a large generated package from the command line, so the benchmark's own process (whose memory it
 * measures) never holds the generator's data: `node --import tsx tests/support/anki-package-cli.ts <file> <notes> <reviews per note> <media files>`.
 */
import { manyNotesPackage, writeAnkiPackage } from './anki-package';

const [file, notes = '50000', reviews = '10', media = '100'] = process.argv.slice(2);
if (!file) throw new Error('usage: anki-package-cli.ts <file> [notes] [reviews per note] [media files]');
const pkg = manyNotesPackage('anki21', Number(notes), Number(reviews));
const files = Number(media);
pkg.media = {};
for (let k = 0; k < files; k += 1) {
  pkg.media[`sound${k}.mp3`] = Buffer.alloc(20_000, k);
  pkg.notes[(k * Math.floor(pkg.notes.length / Math.max(1, files))) % pkg.notes.length]!.fields[1] += `[sound:sound${k}.mp3]`;
}
await writeAnkiPackage(file, pkg);
