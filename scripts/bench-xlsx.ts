/**
 * The workbook part of `npm run bench`: each 司法局 PDF of ../shared/corpus next to its
 * workbook twin (scripts/fixtures/xlsx-twin.ts, both layouts) and the corpus's real workbooks
 * (the reviewers' checklists): time to extract and analyse (median of a few runs) and the peak
 * growth of resident memory during a run. Noisy on a shared machine; a benchmark, not a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../lib/engine/analyse';
import { extractPdf } from '../lib/extract/pdf/index';
import { openPdfInNode } from '../lib/extract/pdf/node';
import { extractXlsx } from '../lib/extract/xlsx/index';
import { twinWorkbook, type TwinLayout } from './fixtures/xlsx-twin';
import { writeXlsx } from './fixtures/xlsx-writer';

export interface XlsxBenchRow {
  file: string;
  kind: 'pdf' | 'xlsx twin' | 'xlsx';
  kb: number;
  tables: number;
  findings: number;
  millis: number;
  peakMb: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median time and the largest RSS growth seen while `run` works. */
async function measure(runs: number, run: () => Promise<{ tables: number; findings: number }>): Promise<{ millis: number; peakMb: number; tables: number; findings: number }> {
  const times: number[] = [];
  let peakMb = 0;
  let last = { tables: 0, findings: 0 };
  for (let i = 0; i < runs; i += 1) {
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const started = performance.now();
    last = await run();
    times.push(performance.now() - started);
    clearInterval(timer);
    peakMb = Math.max(peakMb, (Math.max(peak, process.memoryUsage().rss) - before) / 1024 / 1024);
  }
  return { millis: median(times), peakMb, ...last };
}

const PAIRS = ['sh-putuo-sfj-2026-dept-budget', 'sh-putuo-sfj-2026-unit-budget'];
const UNIT_STORED = { '12,604,173': '12604173.34', '20,374,181': '20374181.34', '22,118,861': '22118861.34' };

export async function benchXlsx(root: string, runs: number): Promise<XlsxBenchRow[]> {
  const corpus = join(root, '../shared/corpus');
  if (!existsSync(join(corpus, 'xlsx'))) {
    console.log(`\nworkbooks: ${corpus}/xlsx not found, skipped`);
    return [];
  }
  const rows: XlsxBenchRow[] = [];
  for (const name of PAIRS) {
    const pdfBytes = new Uint8Array(readFileSync(join(corpus, 'pdf', `${name}.pdf`)));
    let doc;
    const pdf = await measure(runs, async () => {
      const proxy = await openPdfInNode(pdfBytes);
      try {
        const extraction = await extractPdf(proxy, { source: name });
        doc = extraction.doc;
        const report = analyse(extraction.doc, { notChecked: extraction.notChecked });
        return { tables: report.tables.length, findings: report.findings.length };
      } finally {
        await proxy.destroy();
      }
    });
    rows.push({ file: `${name}.pdf`, kind: 'pdf', kb: pdfBytes.length / 1024, ...pdf });
    for (const layout of ['one-sheet', 'sheet-per-table'] as TwinLayout[]) {
      const bytes = writeXlsx(twinWorkbook(doc!, layout, name.endsWith('unit-budget') ? UNIT_STORED : {}));
      const twin = await measure(runs, async () => {
        const extraction = await extractXlsx(bytes, { source: name });
        const report = analyse(extraction.doc, { notChecked: extraction.notChecked });
        return { tables: report.tables.length, findings: report.findings.length };
      });
      rows.push({ file: `${name} (${layout})`, kind: 'xlsx twin', kb: bytes.length / 1024, ...twin });
    }
    const real = new Uint8Array(readFileSync(join(corpus, 'xlsx', `${name}.xlsx`)));
    const checklist = await measure(runs, async () => {
      const extraction = await extractXlsx(real, { source: name });
      const report = analyse(extraction.doc, { notChecked: extraction.notChecked });
      return { tables: report.tables.length, findings: report.findings.length };
    });
    rows.push({ file: `${name}.xlsx (checklist)`, kind: 'xlsx', kb: real.length / 1024, ...checklist });
  }
  const pad = (text: string | number, width: number): string => String(text).padStart(width);
  console.log(`\nworkbooks next to their PDFs — median of ${runs} runs, extract + analyse, peak RSS growth (noisy under load)`);
  console.log(`${'file'.padEnd(48)}${pad('KB', 8)}${pad('tables', 8)}${pad('findings', 10)}${pad('ms', 9)}${pad('peak MB', 9)}`);
  for (const row of rows) {
    console.log(`${row.file.padEnd(48)}${pad(row.kb.toFixed(0), 8)}${pad(row.tables, 8)}${pad(row.findings, 10)}${pad(row.millis.toFixed(0), 9)}${pad(row.peakMb.toFixed(0), 9)}`);
  }
  return rows;
}
