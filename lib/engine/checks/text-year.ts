import type { TextBlock } from '../source';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { blockRef } from './text-finding';

/**
 * The year a disclosure is about, stated again in its text (rulebook N-15):
 * a 2024 final account whose section heading says "2023年度部门决算", or whose asset note says
 * "截至2023年12月31日", was copied from last year's document and not updated.
 */
const SECTION_YEAR = /(\d{4})\s*年度?\s*(?:部门|单位)?(决算|预算)(?:情况说明|表|公开)?/g;
const YEAR_END = /截[至止]\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/g;

export function checkYears(blocks: TextBlock[], year: number | undefined, kind: 'budget' | 'final' | string): CheckOutcome {
  const outcome = emptyOutcome();
  if (!year) return outcome;
  const word = kind === 'final' ? '决算' : kind === 'budget' ? '预算' : null;
  // One year stated in the text, compared with the document's.
  const compare = (block: TextBlock, match: RegExpMatchArray, severity: 'error' | 'warning', message: (stated: number) => string) => {
    outcome.checksRun += 1;
    const stated = Number(match[1]);
    if (stated === year) {
      outcome.passed += 1;
      return;
    }
    outcome.findings.push({
      rule: 'text.year',
      severity,
      message: message(stated),
      location: blockRef(block, match.index!, match.index! + match[0].length),
      related: [],
      expected: String(year),
      actual: String(stated),
    });
  };
  for (const block of blocks) {
    const text = block.text;
    // Only headings and title-like lines name the document itself; sentences may compare years.
    const titleLike = block.kind === 'heading' || /^(第[一二三四五六七八九十]+部分)/.test(text.trim());
    if (word && titleLike) {
      for (const match of text.matchAll(SECTION_YEAR)) {
        if (match[2] !== word) continue;
        compare(block, match, 'error', (stated) => `这是 ${year} 年度的部门${word}，此处却写作“${stated}年度${word}”，年份疑似沿用了其他年度的文本。`);
      }
    }
    if (kind === 'final') {
      for (const match of text.matchAll(YEAR_END)) {
        compare(block, match, 'warning', (stated) => `${year} 年度决算的数据截止日应为 ${year} 年 12 月 31 日，此处写作“截至${stated}年12月31日”，请核对年份。`);
      }
    }
  }
  return outcome;
}

export const yearsCheck: DocumentCheck = {
  name: 'text-year',
  scope: 'document',
  rules: ['text.year'],
  run: (context) => checkYears(context.blocks, context.identity.year, context.identity.kind),
};
