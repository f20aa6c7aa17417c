/**
 * npm run fixtures — renders the five seed disclosures (../shared/seeds/NNN_*.txt) as realistic
 * portal pages (TRS-style CMS, Word "Save as Web Page", plain semantic HTML) plus a few special
 * pages, into test/fixtures/pages/. Output is deterministic; the pages are committed.
 *   npx tsx scripts/generate-fixtures.ts [--out DIR] [--dump [SEED]]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './fixtures/build';
import { loadSeeds } from './fixtures/seeds';
import { layoutTable } from './fixtures/layout';
import { overrides } from './fixtures/overrides';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const seedsDir = resolve(repoRoot, '../shared/seeds');

function dump(only?: string): void {
  for (const seed of loadSeeds(seedsDir)) {
    if (only && seed.id !== only) continue;
    let parent = 0;
    for (const block of seed.blocks) {
      if (block.type !== 'table') continue;
      const t = layoutTable(block, overrides[seed.id]?.[block.index], parent);
      if (!block.continued) parent = t.header.length;
      const paths: string[][] = Array.from({ length: t.width }, () => []);
      for (const row of t.header) for (const c of row) for (let x = c.col; x < c.col + c.colSpan; x += 1) if (c.text) paths[x]!.push(c.text.replace(/\s+/g, ''));
      console.log(`\n${seed.id} #${block.index} line ${block.line}${block.continued ? ' (continued)' : ''} ${block.title}: ${t.width} columns, ${t.header.length} header rows, ${t.body.length} body rows`);
      for (let x = 0; x < t.width; x += 1) console.log(`  c${x} ${paths[x]!.join('/')} | ${t.body.slice(0, 3).map((r) => r[x]).join(' | ')}`);
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--dump')) {
    dump(args[args.indexOf('--dump') + 1]);
    return;
  }
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 ? resolve(args[outAt + 1] ?? '.') : join(repoRoot, 'test/fixtures/pages');
  let pages: Map<string, string>;
  try {
    pages = buildPages(seedsDir);
  } catch (error) {
    console.error(`generate-fixtures: ${(error as Error).message}\nThe seeds are expected at ${seedsDir} (../shared/seeds next to the repository).`);
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  for (const [file, html] of pages) writeFileSync(join(outDir, file), html);
  console.log(`generate-fixtures: wrote ${pages.size} pages to ${outDir}`);
}

main();
