import type { Severity, TextRef } from '../report/schema';
import type { RuleId } from './catalogue';
import type { PlacedClaim } from '../narrative/document-claims';
import type { TextBlock } from '../source';
import type { FindingDraft } from './types';

/** A character range of a text block; `text` defaults to what the range holds. */
export function blockRef(block: TextBlock, start: number, end: number, text = block.text.slice(start, end)): TextRef {
  return { text, anchor: block.anchor, start, end, ...(block.page ? { page: block.page } : {}) };
}

/** Where a narrative claim sits: its block anchor and exact character range. */
export function textRef(placed: PlacedClaim): TextRef {
  const { claim, block } = placed;
  return blockRef(block, claim.start, claim.end, claim.text);
}

export function textFinding(
  placed: PlacedClaim,
  fields: { rule: RuleId; severity: Severity; message: string; expected?: string; actual?: string; difference?: string; tolerance?: string; unit?: string },
): FindingDraft {
  return { ...fields, location: textRef(placed), related: [] };
}
