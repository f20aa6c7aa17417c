/**
 * Text normalisation shared by every parser: portals mix full-width digits and punctuation,
 * non-breaking spaces and zero-width characters, so all comparisons start from NFKC.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u3000]+/g;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Normalised and without any spaces: for matching labels such as "合 计" or "本 年 收 入 合 计". */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}
