import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AbortException, InvalidPDFException, ResponseException, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfOpenFailure, pdfOpenFailureReason, pdfOpenNotChecked } from '../../../../lib/extract/pdf/open-errors';

const hostile = join(new URL('.', import.meta.url).pathname, '../../../fixtures/pdf/hostile');

/** What pdf.js throws when asked to open a fixture (undefined when it opens). */
async function openError(file: string, password?: string): Promise<unknown> {
  const task = getDocument({ data: new Uint8Array(readFileSync(join(hostile, file))), password, verbosity: 0, isEvalSupported: false });
  try {
    await task.promise;
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await task.destroy();
  }
}

describe('pdfOpenFailure / pdfOpenFailureReason', () => {
  it('names a PDF that needs a password, from the error pdf.js really throws', async () => {
    const error = await openError('encrypted-user-password.pdf');
    expect(pdfOpenFailure(error)).toBe('password-needed');
    expect(pdfOpenFailureReason(error)).toBe('PDF 已加密，需要密码才能读取，未检查');
  });

  it('tells a wrong password from a missing one', async () => {
    const error = await openError('encrypted-user-password.pdf', 'not-the-password');
    expect(pdfOpenFailure(error)).toBe('password-wrong');
    expect(pdfOpenFailureReason(error)).toContain('密码不正确');
  });

  it('opens the owner-password-only PDF (no error to map)', async () => {
    expect(await openError('owner-password-only.pdf')).toBeUndefined();
  });

  it('maps garbage behind a %PDF header to "not a valid PDF"', async () => {
    const error = await openError('garbage.pdf');
    expect(pdfOpenFailure(error)).toBe('invalid');
    expect(pdfOpenFailureReason(error)).toBe('文件不是有效的 PDF，或已损坏、下载不完整，未检查');
  });

  it('maps pdf.js response errors: missing file, HTTP status, and the pre-5.x names', () => {
    expect(pdfOpenFailureReason(new ResponseException('Missing PDF', 404, true))).toBe('找不到该 PDF 文件（链接可能已失效），未检查');
    expect(pdfOpenFailureReason(new ResponseException('Unexpected server response', 403, false))).toBe('下载 PDF 失败（服务器返回 HTTP 403），未检查');
    expect(pdfOpenFailure({ name: 'MissingPDFException', message: 'Missing PDF' })).toBe('missing');
    expect(pdfOpenFailure({ name: 'UnexpectedResponseException', status: 500 })).toBe('http');
    expect(pdfOpenFailureReason({ name: 'UnexpectedResponseException', status: 0 })).toBe('下载 PDF 失败，未检查');
  });

  it('maps invalid, aborted and malformed documents', () => {
    expect(pdfOpenFailure(new InvalidPDFException('Invalid PDF structure.'))).toBe('invalid');
    expect(pdfOpenFailure(new AbortException('Worker was destroyed'))).toBe('aborted');
    expect(pdfOpenFailure(new DOMException('The operation was aborted.', 'AbortError'))).toBe('aborted');
    expect(pdfOpenFailureReason({ name: 'FormatError', message: 'Bad FCHECK in flate stream' })).toBe('PDF 文件结构有误，无法读取，未检查');
  });

  it('keeps the message of an unknown error short, on one line, and never throws on odd values', () => {
    const long = new Error(`boom\n${'x'.repeat(500)}`);
    const reason = pdfOpenFailureReason(long);
    expect(reason.startsWith('读取 PDF 时出错（boom x')).toBe(true);
    expect(reason.endsWith('…），未检查')).toBe(true);
    expect(reason.length).toBeLessThan(110);
    for (const odd of [undefined, null, 42, 'plain string', {}, { name: 7 }]) expect(pdfOpenFailureReason(odd)).toMatch(/未检查$/);
    expect(pdfOpenFailureReason(null)).toBe('读取 PDF 时出错，未检查');
  });

  it('wraps the reason as a not-checked entry for the whole file', () => {
    expect(pdfOpenNotChecked({ name: 'PasswordException', code: 1 })).toEqual({ what: '整份 PDF 文件', reason: 'PDF 已加密，需要密码才能读取，未检查' });
    expect(pdfOpenNotChecked({ name: 'InvalidPDFException' }, 'a.pdf').what).toBe('a.pdf');
  });
});
