/**
 * The metamorphic markup suite (scripts/fixtures/variants.ts): every variant of a seed page must
 * give the errors and warnings of the seed's canonical rendering — none added, none lost. Run
 * per seed from test/acceptance/markup-variants/*.test.ts so that the seeds run in parallel.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laidOutSeeds } from '../../scripts/fixtures/build';
import type { RenderInput } from '../../scripts/fixtures/render-cms';
import { CANONICAL, TRAITS, renderVariant, variantsOf } from '../../scripts/fixtures/variants';
import { analyse } from '../../lib/engine/analyse';
import { extractHtml } from '../../lib/extract/html';
import { parseHtmlDocument } from '../../lib/extract/html-node';

/** Variants per seed: 5 seeds × 40 = 200 in npm test. */
export const VARIANTS_PER_SEED = 40;

const seedsDir = join(new URL('.', import.meta.url).pathname, '../../../shared/seeds');
let seeds: RenderInput[] | null | undefined;
function seed(id: string): RenderInput | null {
  seeds ??= existsSync(seedsDir) ? laidOutSeeds(seedsDir) : null;
  return seeds?.find((s) => s.info.id === id) ?? null;
}

/**
 * The errors and warnings of a page, as comparable strings. Messages echo the page's own
 * spelling of labels ("合 计") and its digit grouping (1,504.24): neither is a different reading.
 */
export function findingsOf(html: string, source: string): string[] {
  const report = analyse(extractHtml(parseHtmlDocument(html), { source }).doc);
  return report.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.message.replace(/[\s\u3000]+/g, '').replace(/(\d),(?=\d{3})/g, '$1')}`)
    .sort();
}

/** Multiset difference: a finding reported twice where the canonical page has it once is added. */
function difference(got: string[], want: string[]): { added: string[]; lost: string[] } {
  const lost = [...want];
  const added: string[] = [];
  for (const finding of got) {
    const at = lost.indexOf(finding);
    if (at >= 0) lost.splice(at, 1);
    else added.push(finding);
  }
  return { added, lost };
}

export function variantSuite(id: string): void {
  const input = seed(id);
  describe.skipIf(!input)(`seed ${id} in ${VARIANTS_PER_SEED} markup variants${input ? '' : ` (skipped: no seeds at ${seedsDir})`}`, () => {
    const variants = input ? variantsOf(input, VARIANTS_PER_SEED) : [];
    let canonical: string[] | undefined;
    const expected = () => (canonical ??= findingsOf(renderVariant(input!, CANONICAL), `${id}-canonical`));

    it('draws every value of every trait', () => {
      for (const [dim, values] of Object.entries(TRAITS)) {
        for (const value of values) expect(variants.some((v) => v.traits[dim as keyof typeof TRAITS] === value), `${dim}=${value}`).toBe(true);
      }
    });

    it.each(variants.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
      const got = findingsOf(variant.html, variant.name);
      const want = expected();
      expect(difference(got, want)).toEqual({ added: [], lost: [] });
    });
  });
}
