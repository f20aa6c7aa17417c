/**
 * npm run bench — how long extraction and analysis take per fixture page (median of several
 * runs after warm-up), with each page's tables and cells; then the PDFs (scripts/bench-pdf.ts):
 * ../shared/corpus/pdf when present, and test/fixtures/pdf. A benchmark, not a test: it prints
 * figures and never fails on them. After the HTML pages, the slowest checks (time per check
 * summed over the pages, per run, with the rules each emits), from the runner's timings.
 * Budgets: a 23-table page analysed in under 50 ms (issue 2);
 * PDF pipeline within 1.3× of pdf.js alone, a 30-page PDF in under 3 s (issue 4).
 *
 * Then the command line end to end against pdf.js and pdfplumber as commands (scripts/bench-cli.ts,
 * issue 14's goals).
 *
 *   npm run bench [-- --html | --pdf | --xlsx | --cli] [--json]
 *   BENCH_RUNS (HTML, 15), BENCH_PDF_RUNS (3, also workbooks), BENCH_CLI_RUNS (3)
 *
 * HTML is parsed and extracted on both DOMs the project has used outside the browser: parse5's
 * standard tree (lib/extract/html-node.ts, the CLI's since issue 13) and linkedom (before), so the
 * change can be judged; analysis is the same for both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../lib/extract/html';
import { parseHtmlDocument } from '../lib/extract/html-node';
import { analyseDocument } from '../lib/engine/analyse';
import type { CheckTiming } from '../lib/engine/checks/runner';
import { slowestChecks } from '../lib/engine/checks/runner';
import { benchPdf } from './bench-pdf';
import { benchXlsx } from './bench-xlsx';
import { benchCli } from './bench-cli';

const root = new URL('..', import.meta.url).pathname;
const pagesDir = join(root, 'test/fixtures/pages');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 3);
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const only = ['html', 'pdf', 'xlsx', 'cli'].find((part) => process.argv.includes(`--${part}`));
const WARMUP = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Row {
  page: string;
  tables: number;
  cells: number;
  /** parse5 into the CLI's DOM. */
  parse: number;
  extract: number;
  parseLinkedom: number;
  extractLinkedom: number;
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
    const times: Record<'parse' | 'extract' | 'parseLinkedom' | 'extractLinkedom' | 'analyse', number[]> = { parse: [], extract: [], parseLinkedom: [], extractLinkedom: [], analyse: [] };
    let tables = 0;
    let cells = 0;
    let findings = 0;
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      const t0 = performance.now();
      const document = parseHtmlDocument(html);
      const t1 = performance.now();
      const { doc } = extractHtml(document, { source: page });
      const t2 = performance.now();
      const { report, timings } = analyseDocument(doc, { extractMillis: t2 - t1 });
      const t3 = performance.now();
      const linked = parseHTML(html).document as unknown as Document;
      const t4 = performance.now();
      extractHtml(linked, { source: page });
      const t5 = performance.now();
      if (run >= WARMUP) {
        times.parse.push(t1 - t0);
        times.extract.push(t2 - t1);
        times.analyse.push(t3 - t2);
        times.parseLinkedom.push(t4 - t3);
        times.extractLinkedom.push(t5 - t4);
        addTimings(timings);
      }
      tables = doc.tables.length;
      cells = doc.tables.reduce((sum, table) => sum + table.rows.reduce((n, row) => n + row.length, 0), 0);
      findings = report.findings.length;
    }
    const [parse, extract, parseLinkedom, extractLinkedom, analysis] = (['parse', 'extract', 'parseLinkedom', 'extractLinkedom', 'analyse'] as const).map((k) => median(times[k]));
    rows.push({ page, tables, cells, parse: parse!, extract: extract!, parseLinkedom: parseLinkedom!, extractLinkedom: extractLinkedom!, analyse: analysis!, total: parse! + extract! + analysis!, findings });
  }
  const pad = (text: string | number, width: number): string => String(text).padStart(width);
  console.log(`Budget Lens benchmark — median of ${RUNS} runs after ${WARMUP} warm-up runs, Node ${process.version}`);
  console.log('parse/extract: parse5 (the CLI\'s DOM); linkedom parse/extract for comparison; total = parse5 parse + extract + analyse');
  console.log(`${'page'.padEnd(18)}${pad('tables', 7)}${pad('cells', 8)}${pad('parse', 9)}${pad('extract', 9)}${pad('lk parse', 10)}${pad('lk extr', 9)}${pad('analyse', 9)}${pad('total ms', 10)}${pad('findings', 10)}`);
  const ms = (n: number, w: number) => pad(n.toFixed(1), w);
  for (const row of rows) {
    console.log(
      `${row.page.padEnd(18)}${pad(row.tables, 7)}${pad(row.cells, 8)}${ms(row.parse, 9)}${ms(row.extract, 9)}${ms(row.parseLinkedom, 10)}${ms(row.extractLinkedom, 9)}${ms(row.analyse, 9)}${ms(row.total, 10)}${pad(row.findings, 10)}`,
    );
  }
  printSlowestChecks(pages.length);
  return rows;
}

const htmlRows = only === undefined || only === 'html' ? benchHtml() : [];
const pdfRows = only === undefined || only === 'pdf' ? await benchPdf(root, PDF_RUNS) : [];
const xlsxRows = only === undefined || only === 'xlsx' ? await benchXlsx(root, PDF_RUNS) : [];
const cliRows = only === undefined || only === 'cli' ? await benchCli(root, CLI_RUNS) : [];
if (process.argv.includes('--json')) console.log(JSON.stringify({ html: htmlRows, pdf: pdfRows, xlsx: xlsxRows, cli: cliRows }, null, 2));
