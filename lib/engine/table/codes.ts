/**
 * Classification codes (rulebook §2): 功能分类 类/款/项 = 3/5/7 digits (201…234), 部门经济分类
 * 301…399 and 政府经济分类 501…599 (3/5 digits, local 7-digit extensions). Anything else in a
 * code column — 473, 473002, 036001, 078, a 209 that prefixes 209003 — is a unit (organisation) code.
 */
export type CodeKind = 'function' | 'economic' | 'unit';

export interface RowCode {
  code: string;
  kind: CodeKind;
  /** 1 = 类, 2 = 款, 3 = 项 (unit codes: 1 = 部门, 2 = 单位). */
  level: 1 | 2 | 3;
}

function classKind(prefix: string): CodeKind | null {
  const n = Number(prefix);
  if (n >= 201 && n <= 234) return 'function';
  if ((n >= 301 && n <= 399) || (n >= 501 && n <= 599)) return 'economic';
  return null;
}

/**
 * Classifies one code. `unitPrefixes` holds the 3-digit prefixes of the table's 6-digit codes:
 * a 3-digit code that heads 6-digit ones is a department, even when it looks like a class (209).
 */
export function classifyCode(code: string, unitPrefixes: ReadonlySet<string>, unitColumn = false): RowCode | null {
  if (!/^\d{3,9}$/.test(code)) return null;
  if (unitColumn) return { code, kind: 'unit', level: code.length <= 3 ? 1 : 2 };
  if (code.length === 6 || code.length === 9) return { code, kind: 'unit', level: 2 };
  const kind = classKind(code.slice(0, 3));
  if (code.length === 3) {
    if (!kind || unitPrefixes.has(code)) return { code, kind: 'unit', level: 1 };
    return { code, kind, level: 1 };
  }
  if (!kind) return null;
  if (code.length === 5) return { code, kind, level: 2 };
  if (code.length === 7) return { code, kind, level: 3 };
  return null;
}

/** 类 + 款 + 项 cells joined as the rulebook normalises them: 210 | 15 | 01 → 2101501. */
export function joinCodeParts(parts: string[]): string | null {
  const [cls, section, item] = parts;
  if (!cls || !/^\d{3}$/.test(cls)) return null;
  let code = cls;
  for (const part of [section, item]) {
    if (!part) break;
    if (!/^\d{1,2}$/.test(part)) return null;
    code += part.padStart(2, '0');
  }
  return code;
}
