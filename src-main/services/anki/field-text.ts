import sanitizeHtml from 'sanitize-html';

const SOUND = /\[sound:([^\]]+)\]/g;
const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** What a field holds besides text: the sounds and pictures it points at, by their names in the package. */
export interface FieldMedia {
  audio: string[];
  images: string[];
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeChar(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith('#')) return safeChar(parseInt(lower.slice(1), 10), whole);
    return ENTITIES[lower] ?? whole;
  });
}

function safeChar(code: number, fallback: string): string {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

export function mediaOf(html: string): FieldMedia {
  const audio = [...html.matchAll(SOUND)].map((m) => m[1]!.trim());
  const images = [...html.matchAll(IMG_SRC)].map((m) => decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim()));
  return { audio: audio.filter(Boolean), images: images.filter((src) => src && !/^(https?:|data:)/i.test(src)) };
}

/**
 * A field as plain text, the way Parley's notes hold words: the HTML is run through sanitize-html with no tags
 * allowed (scripts and styles dropped with their content), line breaks and blocks become new lines, sound tags
 * go (they became attachments), and entities are decoded once.
 */
export function fieldText(html: string): string {
  // Most vocabulary fields are plain words: no markup to parse (sanitize-html costs ~50 µs a call).
  if (!/[<&[]/.test(html)) return tidy(html);
  const marked = html
    .replace(SOUND, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|tr|h[1-6])\s*>/gi, '\n');
  const stripped = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' });
  return tidy(decodeEntities(stripped));
}

function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
    .trim();
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** A cloze field split into the sentence (deletions filled in) and the text of the first deletion. */
export function splitCloze(text: string): { sentence: string; answer: string } {
  const matches = [...text.matchAll(CLOZE)].sort((a, b) => Number(a[1]) - Number(b[1]));
  const sentence = text.replace(CLOZE, (_whole, _n, answer: string) => answer);
  return { sentence, answer: (matches[0]?.[2] ?? '').trim() };
}
