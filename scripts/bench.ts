/**
 * npm run bench — how long extraction and analysis take per fixture page (median of several
 * runs after warm-up), with each page's tables and cells; then the PDFs (scripts/bench-pdf.ts):
 * ../shared/corpus/pdf when present, and test/fixtures/pdf. A benchmark, not a test: it prints
 * figures and never fails on them. After the HTML pages, the slowest checks (time per check
 * summed over the pages, per run, with the rules each emits), from the runner's timings.
 * Budgets: a 23-table page analysed in under 50 ms (issue 2);
 * PDF pipeline within 1.3× of pdf.js alone, a 30-page PDF in under 3 s (issue 4).
 *
 *   npm run bench [-- --html | --pdf] [--json]     BENCH_RUNS (HTML, 15), BENCH_PDF_RUNS (3)
 *
 * Extraction runs on linkedom here; Chromium's DOM is faster, so these are conservative.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../lib/extract/html';
import { analyseDocument } from '../lib/engine/analyse';
import type { CheckTiming } from '../lib/engine/checks/runner';
import { slowestChecks } from '../lib/engine/checks/runner';
import { benchPdf } from './bench-pdf';

const root = new URL('..', import.meta.url).pathname;
const pagesDir = join(root, 'test/fixtures/pages');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 3);
const only = process.argv.includes('--pdf') ? 'pdf' : process.argv.includes('--html') ? 'html' : undefined;
const WARMUP = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Row {
  page: string;
  tables: number;
  cells: number;
  extract: number;
  analyse: number;
  total: number;
  findings: number;
}

/** Check timings summed over every measured run of every page. */
const checkTimes = new Map<string, CheckTiming>();
let measuredRuns = 0;

function addTimings(timings: readonly CheckTiming[]): void {
  measuredRuns += 1;
  for (const t of timings) {
    const sum = checkTimes.get(t.check) ?? { check: t.check, rules: t.rules, millis: 0, runs: 0 };
    sum.millis += t.millis;
    sum.runs += t.runs;
    checkTimes.set(t.check, sum);
  }
}

function printSlowestChecks(pages: number): void {
  if (!measuredRuns) return;
  const runsPerPage = measuredRuns / pages;
  console.log(`\nSlowest checks — ms per run of all ${pages} pages (mean over ${runsPerPage} runs), with the rules they emit`);
  for (const t of slowestChecks([...checkTimes.values()], 10)) {
    console.log(`${(t.millis / runsPerPage).toFixed(2).padStart(9)} ms  ${t.check.padEnd(22)} ${t.rules.join(', ')}`);
  }
}

function benchHtml(): Row[] {
  const rows: Row[] = [];
  const pages = readdirSync(pagesDir).filter((name) => name.endsWith('.html') && name !== 'index.html').sort();
  for (const page of pages) {
    const html = readFileSync(join(pagesDir, page), 'utf8');
    const { document } = parseHTML(html);
    const extractTimes: number[] = [];
    const analyseTimes: number[] = [];
    let tables = 0;
    let cells = 0;
    let findings = 0;
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const t0 = performance.now();
      const { doc } = extractHtml(document, { source: page });
      const t1 = performance.now();
      const { report, timings } = analyseDocument(doc, { extractMillis: t1 - t0 });
      const t2 = performance.now();
      if (run >= WARMUP) {
        extractTimes.push(t1 - t0);
        analyseTimes.push(t2 - t1);
        addTimings(timings);
      }
      tables = doc.tables.length;
      cells = doc.tables.reduce((sum, table) => sum + table.rows.reduce((n, row) => n + row.length, 0), 0);
      findings = report.findings.length;
    }
    const extract = median(extractTimes);
    const analysis = median(analyseTimes);
    rows.push({ page, tables, cells, extract, analyse: analysis, total: extract + analysis, findings });
  }

  const pad = (text: string | number, width: number): string => String(text).padStart(width);
  console.log(`Budget Lens benchmark — median of ${RUNS} runs after ${WARMUP} warm-up runs, Node ${process.version}, linkedom DOM`);
  console.log(`${'page'.padEnd(18)}${pad('tables', 7)}${pad('cells', 8)}${pad('extract ms', 12)}${pad('analyse ms', 12)}${pad('total ms', 10)}${pad('findings', 10)}`);
  for (const row of rows) {
    console.log(
      `${row.page.padEnd(18)}${pad(row.tables, 7)}${pad(row.cells, 8)}${pad(row.extract.toFixed(2), 12)}${pad(row.analyse.toFixed(2), 12)}${pad(row.total.toFixed(2), 10)}${pad(row.findings, 10)}`,
    );
  }
  printSlowestChecks(pages.length);
  return rows;
}

const htmlRows = only === 'pdf' ? [] : benchHtml();
const pdfRows = only === 'html' ? [] : await benchPdf(root, PDF_RUNS);
if (process.argv.includes('--json')) console.log(JSON.stringify({ html: htmlRows, pdf: pdfRows }, null, 2));
