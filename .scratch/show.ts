import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../lib/extract/html';
import { analyse } from '../lib/engine/analyse';
const page = process.argv[2]!;
const { document } = parseHTML(readFileSync(`/work/engine-core/test/fixtures/pages/${page}`, 'utf8'));
const r = analyse(extractHtml(document, { source: page }).doc);
for (const f of r.findings) {
  if (f.severity === 'info') continue;
  console.log(`${f.id} ${f.severity} ${f.rule} ${f.actual}/${f.expected} d=${f.difference} ${f.basis} :: ${f.message.slice(0, 90)}`);
  for (const c of f.consequences ?? []) console.log(`    ↳ ${c.severity} ${c.rule} :: ${c.message.slice(0, 100)}`);
}
console.log('folded', r.stats.consequences);
