import { inflateSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findInflateBomb, findInflateBombInBrowser, type CappedInflate } from '../../../../lib/extract/pdf/inflate-guard';

const inflate: CappedInflate = (data, max) => {
  try {
    return { size: inflateSync(data, { maxOutputLength: max }).length };
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? { tooLarge: true } : null;
  }
};
const pdfWith = (dict: string, data: Buffer) => new Uint8Array(Buffer.concat([Buffer.from(`%PDF-1.7\n4 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]));

describe('inflate bombs (issue 15 fuzz: 100 KB that inflates to 100 MB of operators)', () => {
  it('finds a content stream over the cap without inflating it whole', () => {
    const bomb = deflateSync(Buffer.alloc(40 * 1024 * 1024, '0 0 m 1 1 l S\n'), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(findInflateBomb(pdfWith('/Filter /FlateDecode', bomb), inflate).bomb).toBe(true);
  });

  it('leaves ordinary streams, images and broken data alone', () => {
    const content = deflateSync(Buffer.from('BT /F1 12 Tf (x) Tj ET\n'.repeat(1000)));
    expect(findInflateBomb(pdfWith('/Filter /FlateDecode', content), inflate)).toEqual({ bomb: false, largest: 23_000 });
    const image = deflateSync(Buffer.alloc(40 * 1024 * 1024));
    expect(findInflateBomb(pdfWith('/Type /XObject /Subtype /Image /Filter /FlateDecode', image), inflate).bomb).toBe(false);
    expect(findInflateBomb(pdfWith('/Filter /FlateDecode', Buffer.from('not flate at all')), inflate).bomb).toBe(false);
  });

  it('the viewer’s variant (DecompressionStream) says the same', async () => {
    const bomb = deflateSync(Buffer.alloc(40 * 1024 * 1024, 'q Q '), { level: 9 });
    expect((await findInflateBombInBrowser(pdfWith('/Filter /FlateDecode', bomb))).bomb).toBe(true);
    const content = deflateSync(Buffer.from('BT /F1 12 Tf (x) Tj ET\n'.repeat(1000)));
    expect(await findInflateBombInBrowser(pdfWith('/Filter /FlateDecode', content))).toEqual({ bomb: false, largest: 23_000 });
  });
});
