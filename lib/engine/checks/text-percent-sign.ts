import type { TextBlock } from '../source';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { blockRef } from './text-finding';

/**
 * A share or rate written without its percent sign (rulebook N-14): "占76.23", "增长5.6，",
 * "完成年初预算的98.2。". The reader cannot tell a percentage from an amount; a warning only,
 * since the number is probably right.
 */
const BARE = /(占(?:比)?|增长|下降|完成(?:年初|全年)?预算的|执行率(?:为|达)?|满意度(?:为|达)?)\s*(\d{1,3}(?:\.\d{1,2})?)(?!\s*[\d.．%％‰万亿元个项人次家户辆台件天年月日])/g;

export function checkPercentSigns(blocks: TextBlock[]): CheckOutcome {
  const outcome = emptyOutcome();
  for (const block of blocks) {
    for (const match of block.text.matchAll(BARE)) {
      const start = match.index! + match[1]!.length;
      const end = match.index! + match[0].length;
      outcome.checksRun += 1;
      outcome.findings.push({
        rule: 'text.percent-sign',
        severity: 'warning',
        message: `“${match[0]}”后面缺少百分号：是 ${match[2]}% 吗？`,
        location: blockRef(block, start, end, block.text.slice(start, end).trim()),
        related: [],
      });
    }
  }
  return outcome;
}

export const percentSignsCheck: DocumentCheck = {
  name: 'text-percent-sign',
  scope: 'document',
  rules: ['text.percent-sign'],
  run: (context) => checkPercentSigns(context.blocks),
};
