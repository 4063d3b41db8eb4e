/** Abbreviations whose full stop does not end a sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'sra', 'srta', 'dra', 'ud', 'uds', 'etc', 'e.g', 'i.e', 'p.ej', 'z.b', 'bzw', 'usw', 'mme', 'mlle', 'vs', 'no', 'nr']);
const END = /[.!?…。！？]+["'”’»)\]]*(?=\s)|\n+/g;
/** A run-on sentence is cut at its last comma (or ; :) once it is this long, so speech can start sooner. */
const LONG_CLAUSE = 140;
const CLAUSE = /[,;:，；：](?=\s)/g;

/**
 * Cuts streamed text into sentences as it arrives, so each can be spoken while the next is still being written.
 * A sentence ends at . ! ? … followed by white space (not after a known abbreviation or a lone initial), or at a
 * line break; a run-on sentence is cut at a comma once it is long; what is left at the end is flushed.
 */
export function createSentenceSplitter() {
  let buffer = '';

  const take = (): string[] => {
    const out: string[] = [];
    let start = 0;
    END.lastIndex = 0;
    for (let match = END.exec(buffer); match; match = END.exec(buffer)) {
      const end = match.index + match[0].length;
      const candidate = buffer.slice(start, end);
      if (match[0][0] === '.' && endsWithAbbreviation(candidate)) continue;
      const sentence = candidate.trim();
      if (sentence) out.push(sentence);
      start = end;
    }
    buffer = buffer.slice(start);
    if (buffer.length > LONG_CLAUSE) {
      let cut = -1;
      for (const match of buffer.matchAll(CLAUSE)) cut = match.index + match[0].length;
      if (cut > 0) {
        out.push(buffer.slice(0, cut).trim());
        buffer = buffer.slice(cut);
      }
    }
    return out;
  };

  return {
    /** Adds streamed text; returns the sentences it completed. */
    push(text: string): string[] {
      buffer += text;
      return take();
    },
    /** The rest, when the stream ends. */
    flush(): string[] {
      const rest = buffer.trim();
      buffer = '';
      return rest ? [rest] : [];
    },
  };
}

function endsWithAbbreviation(candidate: string): boolean {
  const word = /(\S+)\.\s*$/.exec(candidate)?.[1]?.toLowerCase().replace(/^[(«"'¿¡]+/, '');
  if (!word) return false;
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/** Text as it should be spoken: no Markdown emphasis, code marks, headings or list bullets. */
export function speakable(sentence: string): string {
  return sentence
    .replace(/[*_`#>]+/g, '')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
