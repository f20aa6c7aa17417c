import { describe, expect, it } from 'vitest';
import { dispositionNamesPdf, hasPdfPath, isPdfResponse, mediaType, type ResponseInfo } from '../../../../lib/platform/pdf-open/is-pdf-response';

const get = (url: string, headers: Record<string, string>, extra: Partial<ResponseInfo> = {}): ResponseInfo => ({
  method: 'GET',
  status: 200,
  url,
  headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
  ...extra,
});

describe('isPdfResponse', () => {
  it('takes application/pdf whatever the URL looks like', () => {
    expect(isPdfResponse(get('http://www.hetang.gov.cn/x/report.pdf', { 'Content-Type': 'application/pdf' }))).toBe(true);
    expect(isPdfResponse(get('http://czj.sh.gov.cn/download.do?id=7', { 'content-type': 'Application/PDF; charset=binary' }))).toBe(true);
    expect(isPdfResponse(get('http://czj.sh.gov.cn/show', { 'CONTENT-TYPE': 'application/pdf;name=a' }))).toBe(true);
  });

  it('takes generic binary types only with a .pdf name in the path or Content-Disposition', () => {
    expect(isPdfResponse(get('http://a.gov.cn/files/2024%E5%B9%B4%E9%A2%84%E7%AE%97.PDF', { 'content-type': 'application/octet-stream' }))).toBe(true);
    expect(isPdfResponse(get('http://a.gov.cn/download.do?id=7', { 'content-type': 'application/octet-stream' }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/download.do?id=7', { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="2024年部门预算.pdf"' }))).toBe(true);
    expect(isPdfResponse(get('http://a.gov.cn/download.do?id=7', { 'content-type': 'binary/octet-stream', 'content-disposition': "attachment; filename*=UTF-8''%E9%A2%84%E7%AE%97%2Epdf" }))).toBe(true);
    expect(isPdfResponse(get('http://a.gov.cn/download.do?id=7', { 'content-type': 'application/x-download', 'content-disposition': 'attachment;filename=yusuan.pdf' }))).toBe(true);
    expect(isPdfResponse(get('http://a.gov.cn/download.do?id=7', { 'content-disposition': 'inline; filename="a.pdf"' }))).toBe(true);
    expect(isPdfResponse(get('http://a.gov.cn/download.do?id=7', { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="预算.xlsx"' }))).toBe(false);
  });

  it('does not take a query that merely mentions .pdf, nor other types named .pdf', () => {
    expect(isPdfResponse(get('http://a.gov.cn/download.do?name=a.pdf', { 'content-type': 'application/octet-stream' }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/a.pdf', { 'content-type': 'text/html; charset=utf-8' }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/x', { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="a.pdf"' }))).toBe(false);
  });

  it('never takes POST responses, redirects, 304s or errors (the viewer could not fetch them again)', () => {
    const pdf = { 'content-type': 'application/pdf' };
    expect(isPdfResponse(get('http://a.gov.cn/x.pdf', pdf, { method: 'POST' }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/x.pdf', pdf, { status: 302 }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/x.pdf', pdf, { status: 304 }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/x.pdf', pdf, { status: 404 }))).toBe(false);
    expect(isPdfResponse(get('http://a.gov.cn/x.pdf', pdf, { method: 'get' }))).toBe(true);
  });
});

describe('helpers', () => {
  it('reads media types', () => {
    expect(mediaType(' Application/Octet-Stream ; x=1')).toBe('application/octet-stream');
    expect(mediaType('')).toBeUndefined();
    expect(mediaType(undefined)).toBeUndefined();
  });

  it('reads .pdf paths, decoding them', () => {
    expect(hasPdfPath('https://a.gov.cn/a/b%2Epdf')).toBe(true);
    expect(hasPdfPath('https://a.gov.cn/a.pdf?x=1#p=2')).toBe(true);
    expect(hasPdfPath('https://a.gov.cn/a.pdfx')).toBe(false);
    expect(hasPdfPath('not a url')).toBe(false);
  });

  it('reads Content-Disposition file names in their usual shapes', () => {
    expect(dispositionNamesPdf('attachment; filename="a b.pdf"')).toBe(true);
    expect(dispositionNamesPdf('attachment; filename=a.PDF; size=3')).toBe(true);
    expect(dispositionNamesPdf("attachment; filename=\"x.bin\"; filename*=utf-8''%E9%A2%84%E7%AE%97.pdf")).toBe(true);
    expect(dispositionNamesPdf('attachment; filename="100%.pdf"')).toBe(true);
    expect(dispositionNamesPdf('attachment; filename="a.pdf.exe"')).toBe(false);
    expect(dispositionNamesPdf('attachment')).toBe(false);
    expect(dispositionNamesPdf(undefined)).toBe(false);
  });
});
