import type { TextBlock } from '../source';
import type { NotChecked } from '../report/schema';
import type { Claim } from './claims';
import { extractClaims } from './claims';

/** A claim with the text block it was read from. */
export interface PlacedClaim<C extends Claim = Claim> {
  claim: C;
  block: TextBlock;
}

/** Blocks longer than this are not read for claims (a page dumped into one element). */
export const MAX_BLOCK_CHARS = 20_000;

export function documentClaims(blocks: TextBlock[], notChecked: NotChecked[] = []): PlacedClaim[] {
  const placed: PlacedClaim[] = [];
  for (const block of blocks) {
    if (block.text.length > MAX_BLOCK_CHARS) {
      notChecked.push({ what: `文字段落 ${block.anchor}`, reason: `段落过长（${block.text.length} 字），未逐句核对`, anchor: block.anchor });
      continue;
    }
    // Full-width digits count too: the claims are read from NFKC-folded text.
    if (!/[0-9０-９]/.test(block.text)) continue;
    for (const claim of extractClaims(block.text)) placed.push({ claim, block });
  }
  return placed;
}

export function ofKind<K extends Claim['kind']>(claims: PlacedClaim[], kind: K): Array<PlacedClaim<Extract<Claim, { kind: K }>>> {
  return claims.filter((c): c is PlacedClaim<Extract<Claim, { kind: K }>> => c.claim.kind === kind);
}
