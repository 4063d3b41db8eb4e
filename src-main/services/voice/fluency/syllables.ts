/** Vowel letters by language; others fall back to the Latin set. */
const VOWELS: Record<string, string> = {
  en: 'aeiouy',
  es: 'aeiouáéíóúü',
  fr: 'aeiouyàâäéèêëîïôöûùüÿœæ',
  de: 'aeiouyäöü',
};
const LATIN = 'aeiouyàáâäãåæçèéêëìíîïòóôõöøùúûüÿœ';
const SPANISH_STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);

const groupsOf = (word: string, vowels: string) => word.match(new RegExp(`[${vowels}]+`, 'g')) ?? [];

/**
 * Syllables of one word by vowel groups, with each language's main exceptions: English and French silent final
 * e, Spanish hiatus (two strong vowels, or an accented í/ú, are two syllables). A word has at least one.
 */
export function countSyllables(word: string, language: string): number {
  const w = word.toLowerCase();
  const vowels = VOWELS[language] ?? LATIN;
  const groups = groupsOf(w, vowels);
  let count = groups.length;
  if (language === 'en') {
    if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w) && count > 1) count -= 1;
    if (/[^aeiouy]es$|[^aeiouyt]ed$/.test(w) && !/(ch|sh|s|z|x|ce|ge)es$/.test(w) && count > 1) count -= 1;
  } else if (language === 'fr') {
    if (/[^aeiouyàâäéèêëîïôöûùüÿœæ](e|es)$/.test(w) && count > 1) count -= 1;
  } else if (language === 'es') {
    for (const group of groups) {
      for (let i = 1; i < group.length; i += 1) {
        if (SPANISH_STRONG.has(group[i - 1]!) && SPANISH_STRONG.has(group[i]!)) count += 1;
      }
    }
  }
  return Math.max(1, count);
}

/** The words of a transcript: letters and digits, with inner apostrophes and hyphens. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}
