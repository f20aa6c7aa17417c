/**
 * Hostile PDFs (test/fixtures/pdf/hostile, written by `npm run fixtures:pdf`) through the same
 * path as the CLI: open in Node, extract, analyse. Nothing may throw past this path or hang; a
 * file that cannot be checked says why in Chinese; the owner-password-only and broken-xref files
 * are checked like any other.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { extractPdf } from '../../../../lib/extract/pdf/index';
import { openPdfInNode } from '../../../../lib/extract/pdf/node';
import { pdfOpenFailure, pdfOpenNotChecked } from '../../../../lib/extract/pdf/open-errors';
import type { NotChecked, Report } from '../../../../lib/engine/report/schema';

const hostileDir = join(new URL('.', import.meta.url).pathname, '../../../fixtures/pdf/hostile');

interface Outcome {
  /** Set when the file could not be opened at all. */
  openError?: unknown;
  pages: number;
  notChecked: NotChecked[];
  report?: Report;
  millis: number;
}

/** Open → extract → analyse, turning an open failure into its not-checked entry, as the CLI and the viewer do. */
async function check(file: string, options: { maxPages?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<Outcome> {
  const started = performance.now();
  let pdf;
  try {
    pdf = await openPdfInNode(new Uint8Array(readFileSync(join(hostileDir, file))));
  } catch (openError) {
    return { openError, pages: 0, notChecked: [pdfOpenNotChecked(openError)], millis: performance.now() - started };
  }
  try {
    const extraction = await extractPdf(pdf, { source: file, ...options });
    const report = analyse(extraction.doc);
    return { pages: pdf.numPages, notChecked: extraction.notChecked, report, millis: performance.now() - started };
  } finally {
    await pdf.destroy();
  }
}

const reasons = (outcome: Outcome): string => outcome.notChecked.map((n) => `${n.what}: ${n.reason}`).join('\n');

describe('hostile PDFs', () => {
  it('garbage behind a %PDF header: not a valid PDF, not checked', async () => {
    const outcome = await check('garbage.pdf');
    expect(pdfOpenFailure(outcome.openError)).toBe('invalid');
    expect(reasons(outcome)).toBe('整份 PDF 文件: 文件不是有效的 PDF，或已损坏、下载不完整，未检查');
    expect(outcome.millis).toBeLessThan(5_000);
  });

  it('a PDF cut in half (no xref, no trailer): damaged or incomplete, not checked', async () => {
    const outcome = await check('truncated.pdf');
    expect(pdfOpenFailure(outcome.openError)).toBe('invalid');
    expect(reasons(outcome)).toContain('下载不完整，未检查');
    expect(outcome.millis).toBeLessThan(10_000);
  });

  it('a user password: encrypted, needs the password, not checked', async () => {
    const outcome = await check('encrypted-user-password.pdf');
    expect(pdfOpenFailure(outcome.openError)).toBe('password-needed');
    expect(reasons(outcome)).toBe('整份 PDF 文件: PDF 已加密，需要密码才能读取，未检查');
    expect(outcome.millis).toBeLessThan(10_000);
  });

  it('an owner password only (copying forbidden): opens and is checked normally', async () => {
    const outcome = await check('owner-password-only.pdf');
    expect(outcome.openError).toBeUndefined();
    expect(outcome.notChecked).toEqual([]);
    const report = outcome.report!;
    expect(report.tables.length).toBe(1);
    expect(report.stats.checksRun).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(outcome.millis).toBeLessThan(10_000);
  });

  it('a broken xref (wrong offsets everywhere): pdf.js rebuilds it and the table is checked', async () => {
    const outcome = await check('broken-xref.pdf');
    expect(outcome.openError).toBeUndefined();
    expect(outcome.notChecked).toEqual([]);
    expect(outcome.report!.tables.length).toBe(1);
    expect(outcome.report!.stats.checksRun).toBeGreaterThan(0);
    expect(outcome.millis).toBeLessThan(10_000);
  });

  it('a scan (the table only as an image): no text layer, not checked', async () => {
    const outcome = await check('scanned.pdf');
    expect(outcome.openError).toBeUndefined();
    expect(outcome.report!.tables).toEqual([]);
    expect(reasons(outcome)).toMatch(/没有文字层.*扫描.*未检查/);
    expect(outcome.millis).toBeLessThan(10_000);
  });

  it('450 pages with a page limit: finishes in bounds, reports progress, names the pages not read', async () => {
    const progress: [number, number][] = [];
    const outcome = await check('huge.pdf', { maxPages: 60, onProgress: (done, total) => progress.push([done, total]) });
    expect(outcome.pages).toBe(450);
    expect(outcome.millis).toBeLessThan(20_000);
    expect(progress.at(-1)).toEqual([60, 450]);
    expect(outcome.report!.tables.length).toBeGreaterThan(0);
    expect(outcome.report!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(reasons(outcome)).toContain('第 61–450 页');
  });

  it('450 pages with the default limit: finishes within 20 s and says how much was checked', async () => {
    const outcome = await check('huge.pdf');
    expect(outcome.millis).toBeLessThan(20_000);
    expect(outcome.notChecked.length).toBe(1);
    expect(outcome.notChecked[0]!.reason).toMatch(/共 450 页，只检查了前 \d+ 页/);
  }, 30_000);

  it('450 pages, aborted after a few: stops at once with an AbortError the viewer maps to "cancelled"', async () => {
    const controller = new AbortController();
    let pagesRead = 0;
    const started = performance.now();
    const error = await check('huge.pdf', {
      signal: controller.signal,
      onProgress: (done) => {
        pagesRead = done;
        if (done === 5) controller.abort();
      },
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(pdfOpenFailure(error)).toBe('aborted');
    expect(pagesRead).toBe(5);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('an empty page: no tables, and a not-checked reason saying the file has no content', async () => {
    const outcome = await check('empty-page.pdf');
    expect(outcome.openError).toBeUndefined();
    expect(outcome.report!.tables).toEqual([]);
    expect(outcome.notChecked.length).toBeGreaterThan(0);
  });

  it('an empty page: no throw, no tables, no findings', async () => {
    const outcome = await check('empty-page.pdf');
    expect(outcome.openError).toBeUndefined();
    expect(outcome.report!.tables).toEqual([]);
    expect(outcome.report!.findings).toEqual([]);
    expect(outcome.millis).toBeLessThan(10_000);
  });
});
