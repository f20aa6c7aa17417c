/**
 * Text normalisation shared by every parser: portals mix full-width digits and punctuation,
 * non-breaking spaces and zero-width characters, so all comparisons start from NFKC.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u3000]+/g;

// Plain ASCII and CJK ideographs are already in NFKC form; most table cells are only that.
const NEEDS_NFKC = /[^\x20-\x7e\u4e00-\u9fff]/;
const NEEDS_SPACES = /[\s\u00a0\u3000]{2}|[\t\n\r\u00a0\u3000]|^\s|\s$/;

export function normalizeText(text: string): string {
  if (!NEEDS_NFKC.test(text)) return NEEDS_SPACES.test(text) ? text.replace(SPACES, ' ').trim() : text;
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Normalised and without any spaces: for matching labels such as "合 计" or "本 年 收 入 合 计". */
export function compactText(text: string): string {
  const normal = normalizeText(text);
  return normal.includes(' ') ? normal.replace(/ /g, '') : normal;
}
