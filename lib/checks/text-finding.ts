import type { Category, Severity, TextRef } from '../report/schema';
import type { PlacedClaim } from '../narrative/document-claims';
import type { FindingDraft } from './types';

/** Where a narrative claim sits: its block anchor and exact character range. */
export function textRef(placed: PlacedClaim): TextRef {
  const { claim, block } = placed;
  return {
    text: claim.text,
    anchor: block.anchor,
    start: claim.start,
    end: claim.end,
    ...(block.page ? { page: block.page } : {}),
  };
}

export function textFinding(
  placed: PlacedClaim,
  fields: { rule: string; severity: Severity; category: Category; message: string; expected?: string; actual?: string; difference?: string; tolerance?: string; unit?: string },
): FindingDraft {
  return { ...fields, location: textRef(placed), related: [] };
}
