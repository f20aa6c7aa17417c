import type { Change } from '../report/schema';
import type { PlacedClaim } from '../narrative/document-claims';
import type { CheckOutcome } from './types';
import { emptyOutcome, mergeOutcome } from './types';
import { checkCompletion } from './text-completion';
import { checkChanges } from './text-change';
import { checkShares } from './text-shares';
import { checkEnumerations } from './text-enumeration';

/**
 * The narrative's own arithmetic: claims checked against each other within the text (rates,
 * shares, year-over-year wording, lists). Binding claims to table cells is a separate family.
 */
export function checkNarrative(claims: PlacedClaim[], changes: Change[]): CheckOutcome {
  const outcome = emptyOutcome();
  const families: Array<[string, () => CheckOutcome]> = [
    ['text.completion', () => checkCompletion(claims)],
    ['text.change', () => checkChanges(claims, changes)],
    ['text.share', () => checkShares(claims)],
    ['text.enumeration', () => checkEnumerations(claims)],
  ];
  for (const [family, run] of families) {
    try {
      mergeOutcome(outcome, run());
    } catch (error) {
      outcome.notChecked.push({ what: `文字：${family}`, reason: `检查时出错：${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return outcome;
}
