/**
 * List numbering in row labels ("一、", "（一）", "1、", "(1)", "①"). Its style gives the row's
 * level in 收支总表-like lists: the first style met is the top level, the next new one nests.
 */
export type EnumeratorStyle = 'cn' | 'cn-paren' | 'num' | 'num-paren' | 'circled';

const PATTERNS: Array<[EnumeratorStyle, RegExp]> = [
  ['cn', /^[一二三四五六七八九十百]+[、.．]/],
  ['cn-paren', /^[(（][一二三四五六七八九十百]+[)）]/],
  ['num-paren', /^[(（]\d{1,2}[)）]/],
  ['num', /^\d{1,2}[、．.](?!\d)/],
  ['circled', /^[①-⑳]/],
];

export function enumeratorOf(label: string): EnumeratorStyle | null {
  for (const [style, pattern] of PATTERNS) if (pattern.test(label)) return style;
  return null;
}

export function stripEnumerator(label: string): string {
  for (const [, pattern] of PATTERNS) {
    const match = pattern.exec(label);
    if (match) return label.slice(match[0].length).trim();
  }
  return label;
}
