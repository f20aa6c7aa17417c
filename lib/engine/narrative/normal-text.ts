/**
 * Narrative text as the claim patterns need it, with a map back to the original offsets so
 * that every claim keeps its exact anchor range: full-width characters folded (NFKC), line
 * breaks and spaces removed (PDF and Word text breaks lines inside numbers and words:
 * "1,104.\n49", "支\n出决算"), thousands separators dropped inside numbers.
 */
export interface NormalText {
  text: string;
  /** map[i] = offset in the original of the character at i; map[text.length] = original length. */
  map: number[];
}

const SPACE = /[\s\u00a0\u3000\u200b-\u200d\ufeff]/;
const ASCII_WORD = /[A-Za-z]/;

export function normalForClaims(original: string): NormalText {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < original.length; i += 1) {
    const ch = original[i]!;
    if (SPACE.test(ch)) {
      // Keep a space only between two Latin letters ("DRG 付费" loses nothing either way).
      const prev = chars.at(-1) ?? '';
      const next = original[i + 1] ?? '';
      if (ASCII_WORD.test(prev) && ASCII_WORD.test(next)) {
        chars.push(' ');
        map.push(i);
      }
      continue;
    }
    const folded = ch.normalize('NFKC');
    for (const out of folded) {
      chars.push(out);
      map.push(i);
    }
  }
  // Thousands separators: "2,113.81" → "2113.81" (only between a digit and exactly three digits).
  const text: string[] = [];
  const kept: number[] = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (ch === ',' && /\d/.test(chars[i - 1] ?? '') && /^\d{3}(?!\d)/.test(chars.slice(i + 1, i + 5).join(''))) continue;
    text.push(ch);
    kept.push(map[i]!);
  }
  kept.push(original.length);
  return { text: text.join(''), map: kept };
}

/** Original [start, end) of the normal range [start, end). */
export function originalRange(normal: NormalText, start: number, end: number): { start: number; end: number } {
  const from = normal.map[start] ?? normal.map.at(-1)!;
  const lastChar = normal.map[Math.max(start, end - 1)] ?? from;
  return { start: from, end: lastChar + 1 };
}
