import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, looksLikePdf, sniffMetaCharset } from '../../../lib/extract/charset';
import { encodeGbk } from './gbk-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('charset', () => {
  it('reads the charset of a Content-Type header', () => {
    expect(charsetFromContentType('text/html; charset=GB2312')).toBe('gb2312');
    expect(charsetFromContentType('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it('finds <meta charset> and the http-equiv form', () => {
    expect(sniffMetaCharset(utf8('<html><head><meta charset="gbk"></head>'))).toBe('gbk');
    expect(sniffMetaCharset(utf8('<META http-equiv="Content-Type" content="text/html; charset=gb2312" />'))).toBe('gb2312');
    expect(sniffMetaCharset(utf8('<meta name="keywords" content="预算"><p>charset=gbk</p>'))).toBeNull();
  });

  it('decodes a GBK page declared only in its meta', () => {
    const bytes = encodeGbk('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>部门收支总表 单位：万元</body></html>');
    const decoded = decodeHtml(bytes);
    expect(decoded.charset).toBe('gbk');
    expect(decoded.text).toContain('部门收支总表 单位：万元');
  });

  it('lets the HTTP header win over the meta, and the byte-order mark over both', () => {
    const gbk = encodeGbk('<meta charset="utf-8"><p>合计</p>');
    expect(decodeHtml(gbk, 'text/html; charset=GBK').text).toContain('合计');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>合计</p>')]);
    expect(decodeHtml(bom, 'text/html; charset=gbk').text).toContain('合计');
  });

  it('guesses GB18030 for undeclared bytes that are not UTF-8, and ignores unknown labels', () => {
    expect(decodeHtml(encodeGbk('<p>一般公共预算</p>')).text).toBe('<p>一般公共预算</p>');
    expect(decodeHtml(utf8('<p>一般公共预算</p>')).charset).toBe('utf-8');
    expect(decodeHtml(utf8('<meta charset="klingon"><p>项目</p>')).text).toContain('项目');
  });

  it('recognises PDF bytes', () => {
    expect(looksLikePdf(utf8('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(utf8('<html>'))).toBe(false);
  });
});
