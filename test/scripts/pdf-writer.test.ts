/**
 * The hand-written PDF writer behind the huge and empty-page fixtures: its output is a valid PDF
 * whose non-embedded STSong-Light text pdf.js reads back through the UniGB-UCS2-H CMap, and the
 * committed fixtures are the size the fixture script says (PDF totals stay small for the repo).
 */
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { textAt, ucs2, writePdf } from '../../scripts/fixtures/pdf-writer';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const fixtures = join(new URL('.', import.meta.url).pathname, '../fixtures/pdf');

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: bytes, cMapUrl: `${pdfjsRoot}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`, verbosity: 0, isEvalSupported: false });
  const pdf = await task.promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('|'));
    }
    return texts;
  } finally {
    await task.destroy();
  }
}

describe('pdf-writer', () => {
  it('encodes text as UCS-2 hex', () => {
    expect(ucs2('单位A')).toBe('<53554f4d0041>');
  });

  it('writes pages pdf.js opens, with the Chinese text readable through the CMap', async () => {
    const bytes = writePdf([{ content: textAt(50, 800, 12, '单位：万元') + textAt(50, 780, 12, '合计 125.60') }, { content: '' }]);
    expect(await pageTexts(bytes)).toEqual(['单位：万元|合计 125.60', '']);
  });
});

describe('committed PDF fixtures', () => {
  it('stay under 3 MB in total', () => {
    const files = [...readdirSync(fixtures).map((f) => join(fixtures, f)), ...readdirSync(join(fixtures, 'hostile')).map((f) => join(fixtures, 'hostile', f))];
    const total = files.filter((f) => f.endsWith('.pdf')).reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });
});
