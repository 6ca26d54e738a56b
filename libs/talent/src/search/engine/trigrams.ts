/**
 * pg_trgm's trigrams of one word (two spaces before, one after; case already folded) and its
 * `similarity()`: shared trigrams over all distinct trigrams of both. The engine forgives typos
 * word by word with it; test/e2e/talent-engine.e2e-spec.ts checks it against pg_trgm itself.
 */
export function trigrams(word: string): Set<string> {
  const chars = [' ', ' ', ...word, ' '];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i] + chars[i + 1] + chars[i + 2]);
  return out;
}

export function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Words as pg_trgm sees them: runs of letters and digits. */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
