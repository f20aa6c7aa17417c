/**
 * pdf.js alone, as a command (`npm run bench`, CLI part): open a PDF and ask every page for what
 * the extractor asks for (getTextContent + getOperatorList), with pdf.js's defaults for Node plus
 * the CMaps and standard fonts Chinese text needs. What a plain pdf.js script costs end to end.
 *
 *   node scripts/bench/pdfjs-alone.mjs FILE.pdf
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const pdf = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  cMapUrl: join(root, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(root, 'standard_fonts') + '/',
  verbosity: 0,
}).promise;
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  await Promise.all([page.getTextContent(), page.getOperatorList()]);
  page.cleanup();
}
console.log(pdf.numPages);
await pdf.destroy();
