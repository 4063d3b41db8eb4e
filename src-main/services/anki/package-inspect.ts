import type { z } from 'zod';
import type { ankiInspect } from '../../../src-shared/contract/anki';
import { collectionCounts, readCollectionModel } from './collection-read';
import { fieldText } from './field-text';
import { suggestFieldMapping } from './note-mapping';
import { asCollectionError, openPackage } from './package-open';

type Inspection = Omit<z.input<(typeof ankiInspect)['output']>, 'fileName' | 'bytes'>;

const SAMPLES = 3;
const SAMPLE_CHARS = 200;

/** What the preview dialog shows: the package's note types with sample notes and a suggested mapping. */
export async function inspectPackage(file: string): Promise<Inspection> {
  const pkg = await openPackage(file);
  try {
    const { noteTypes, decks } = readCollectionModel(pkg.sqlite);
    const counts = collectionCounts(pkg.sqlite);
    const perType = new Map(
      (pkg.sqlite.prepare('SELECT mid, count(*) AS n FROM notes GROUP BY mid').all() as { mid: number; n: number }[]).map((r) => [String(r.mid), r.n]),
    );
    const samples = pkg.sqlite.prepare('SELECT flds FROM notes WHERE mid = ? LIMIT ?').pluck();
    return {
      format: pkg.format,
      ...counts,
      media: pkg.media.length,
      decks: decks.map((d) => d.path.join('::')).sort((a, b) => a.localeCompare(b)).slice(0, 200),
      noteTypes: noteTypes
        .filter((nt) => perType.has(nt.id))
        .map((nt) => ({
          ...nt,
          noteCount: perType.get(nt.id) ?? 0,
          samples: (samples.all(Number(nt.id), SAMPLES) as string[]).map((flds) => flds.split('\u001f').map((f) => fieldText(f).slice(0, SAMPLE_CHARS))),
          suggestedMapping: suggestFieldMapping(nt),
        })),
    };
  } catch (error) {
    throw asCollectionError(error);
  } finally {
    pkg.close();
  }
}
