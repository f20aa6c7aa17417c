/**
 * npm run bench — how long extraction and analysis take per fixture page (median of several
 * runs after warm-up), with each page's tables and cells; then the PDFs (scripts/bench-pdf.ts):
 * ../shared/corpus/pdf when present, and test/fixtures/pdf; then the command line end to end
 * against pdf.js and pdfplumber as commands (scripts/bench-cli.ts). A benchmark, not a test: it
 * prints figures and never fails on them. Budgets: a 23-table page analysed in under 50 ms
 * (issue 2); PDF pipeline within 1.3× of pdf.js alone, a 30-page PDF in under 3 s (issue 4); the
 * CLI's goals in scripts/bench-cli.ts (issue 14).
 *
 *   npm run bench [-- --html | --pdf | --cli] [--json]
 *   BENCH_RUNS (HTML, 15), BENCH_PDF_RUNS (3), BENCH_CLI_RUNS (3)
 *
 * Extraction runs on linkedom here; Chromium's DOM is faster, so these are conservative.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../lib/extract/html';
import { analyse } from '../lib/engine/analyse';
import { benchPdf } from './bench-pdf';
import { benchCli } from './bench-cli';

const root = new URL('..', import.meta.url).pathname;
const pagesDir = join(root, 'test/fixtures/pages');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 3);
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const only = ['html', 'pdf', 'cli'].find((part) => process.argv.includes(`--${part}`));
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
      const report = analyse(doc, { extractMillis: t1 - t0 });
      const t2 = performance.now();
      if (run >= WARMUP) {
        extractTimes.push(t1 - t0);
        analyseTimes.push(t2 - t1);
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
  return rows;
}

const htmlRows = only && only !== 'html' ? [] : benchHtml();
const pdfRows = only && only !== 'pdf' ? [] : await benchPdf(root, PDF_RUNS);
const cliRows = only && only !== 'cli' ? [] : await benchCli(root, CLI_RUNS);
if (process.argv.includes('--json')) console.log(JSON.stringify({ html: htmlRows, pdf: pdfRows, cli: cliRows }, null, 2));
