import type { TextBlock } from '../source';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { blockRef } from './text-finding';

/**
 * Template residue (rulebook N-13): placeholders left where a name or number belongs —
 * "上海市普陀区XX局", "××万元", "某某单位"; both directions "增加（减少）" left standing; "主要原因是"
 * with nothing after it. Templates use them; a published document must not.
 */
const PLACEHOLDER = /[XxＸｘ]{2,}|[×＊*]{2,}|某某|〇〇|□{2,}/g;
/** "增加（减少）" left with both directions; "主要原因是" with nothing after it. */
const RESIDUE = /(增加|增长|上升)[（(](减少|下降)[)）]|主要原因(?:是|为|：|:)\s*[。；;]/g;
/** Latin runs that happen to contain XX: words, codes, URLs. */
const LATIN_WORD = /[A-Za-z0-9]/;

export function checkPlaceholders(blocks: TextBlock[]): CheckOutcome {
  const outcome = emptyOutcome();
  for (const block of blocks) {
    const text = block.text;
    outcome.checksRun += 1;
    let found = false;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (/^[Xx]+$/.test(match[0]) && (LATIN_WORD.test(text[start - 1] ?? '') || LATIN_WORD.test(text[end] ?? ''))) continue;
      found = true;
      const context = text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8));
      outcome.findings.push({
        rule: 'text.placeholder',
        severity: 'warning',
        message: `“${context}”中的“${match[0]}”像是模板里的占位符，发布前应替换为实际内容。`,
        location: blockRef(block, start, end),
        related: [],
      });
    }
    for (const match of text.matchAll(RESIDUE)) {
      found = true;
      const start = match.index!;
      const end = start + match[0].length;
      const what = match[1] ? `“${match[0]}”两个方向都写上了，没有选定实际的增减方向` : `“${match[0].replace(/[。；;]$/, '')}”后面没有写出原因`;
      outcome.findings.push({
        rule: 'text.placeholder',
        severity: 'warning',
        message: `${what}，像是模板文字未填写完整。`,
        location: blockRef(block, start, end),
        related: [],
      });
    }
    if (!found) outcome.passed += 1;
  }
  return outcome;
}

export const placeholdersCheck: DocumentCheck = {
  name: 'text-placeholder',
  scope: 'document',
  rules: ['text.placeholder'],
  run: (context) => checkPlaceholders(context.blocks),
};
