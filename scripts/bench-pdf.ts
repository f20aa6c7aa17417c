/**
 * The PDF half of `npm run bench`: per file, pdf.js alone (open, then per page getTextContent +
 * getOperatorList, as the extractor asks for them) against the whole pipeline (open +
 * extractPdf + analyse), median of a few runs, each run on a freshly opened document (pdf.js
 * caches operator lists per document). Goal (issue 4): pipeline within 1.3× of pdf.js alone, a
 * 30-page document analysed in under 3 s.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyse } from '../lib/engine/analyse';
import { extractPdf, type PdfDocumentLike } from '../lib/extract/pdf/index';
import { openPdfInNode } from '../lib/extract/pdf/node';

export interface PdfBenchRow {
  file: string;
  pages: number;
  tables: number;
  findings: number;
  notChecked: number;
  pdfjs: number;
  pipeline: number;
  /** Of the pipeline, the time not spent waiting for pdf.js (layout, tables, analysis). */
  own: number;
}

type PdfDocumentProxy = Awaited<ReturnType<typeof openPdfInNode>>;

/**
 * The document as extractPdf sees it, with the wall time spent inside pdf.js (getPage,
 * getTextContent, getOperatorList; overlapping calls counted once) added to `spent`. Measured in
 * the same run as the pipeline, so the split does not suffer from load drift between runs.
 */
function timedDocument(pdf: PdfDocumentProxy, spent: { millis: number }): PdfDocumentLike {
  let inFlight = 0;
  let since = 0;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inFlight++ === 0) since = performance.now();
    try {
      return await work();
    } finally {
      if (--inFlight === 0) spent.millis += performance.now() - since;
    }
  };
  return {
    numPages: pdf.numPages,
    getPage: async (n) => {
      const page = await timed(() => pdf.getPage(n));
      return {
        getViewport: (params) => page.getViewport(params),
        getTextContent: () => timed(() => page.getTextContent()),
        getOperatorList: () => timed(() => page.getOperatorList()),
        cleanup: () => page.cleanup(),
      };
    },
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timePdfjs(bytes: Uint8Array): Promise<number> {
  const started = performance.now();
  const pdf = await openPdfInNode(bytes);
  try {
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      await Promise.all([page.getTextContent(), page.getOperatorList()]);
      page.cleanup();
    }
    return performance.now() - started;
  } finally {
    await pdf.destroy();
  }
}

type RowInfo = Omit<PdfBenchRow, 'pdfjs' | 'pipeline' | 'own'>;

async function timePipeline(bytes: Uint8Array, file: string): Promise<{ millis: number; own: number; row: RowInfo }> {
  const started = performance.now();
  const pdf = await openPdfInNode(bytes);
  const spent = { millis: performance.now() - started };
  try {
    const extraction = await extractPdf(timedDocument(pdf, spent), { source: file });
    const report = analyse(extraction.doc);
    const millis = performance.now() - started;
    return { millis, own: millis - spent.millis, row: { file, pages: pdf.numPages, tables: report.tables.length, findings: report.findings.length, notChecked: extraction.notChecked.length } };
  } finally {
    await pdf.destroy();
  }
}

function pdfFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.toLowerCase().endsWith('.pdf')).sort().map((name) => join(dir, name)) : [];
}

export async function benchPdf(root: string, runs: number): Promise<PdfBenchRow[]> {
  const corpusDir = join(root, '../shared/corpus/pdf');
  const files = [...pdfFiles(corpusDir), ...pdfFiles(join(root, 'test/fixtures/pdf'))];
  if (!existsSync(corpusDir)) console.log(`\n(${corpusDir} not found: the real-PDF corpus is skipped, fixtures only)`);
  if (files.length === 0) return [];

  // Warm-up: module loading, CMaps and standard fonts on first use.
  await timePipeline(new Uint8Array(readFileSync(files[0]!)), 'warm-up');

  const rows: PdfBenchRow[] = [];
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const file = basename(path);
    const pdfjsTimes: number[] = [];
    const pipelineTimes: number[] = [];
    const ownTimes: number[] = [];
    let info: RowInfo | undefined;
    // Interleaved, in alternating order, so drift in machine load and whatever the previous run
    // left behind (garbage to collect) hit both sides alike.
    for (let run = 0; run < runs; run += 1) {
      if (run % 2 === 0) pdfjsTimes.push(await timePdfjs(bytes));
      const pipeline = await timePipeline(bytes, file);
      pipelineTimes.push(pipeline.millis);
      ownTimes.push(pipeline.own);
      info = pipeline.row;
      if (run % 2 === 1) pdfjsTimes.push(await timePdfjs(bytes));
    }
    rows.push({ ...info!, pdfjs: median(pdfjsTimes), pipeline: median(pipelineTimes), own: median(ownTimes) });
  }
  printPdfTable(rows, runs);
  return rows;
}

function printPdfTable(rows: PdfBenchRow[], runs: number): void {
  const pad = (text: string | number, width: number): string => String(text).padStart(width);
  const name = (file: string): string => (file.length > 40 ? `${file.slice(0, 39)}…` : file).padEnd(41);
  console.log(`\nPDF — median of ${runs} runs (each on a fresh document), pdf.js = getTextContent + getOperatorList per page`);
  console.log(`${'file'.padEnd(41)}${pad('pages', 6)}${pad('tables', 7)}${pad('find.', 6)}${pad('pdf.js ms', 11)}${pad('pipeline ms', 13)}${pad('pdf.js/pg', 11)}${pad('pipe/pg', 9)}${pad('ratio', 7)}${pad('own/pg', 8)}${pad('own %', 7)}`);
  for (const row of rows) {
    console.log(
      `${name(row.file)}${pad(row.pages, 6)}${pad(row.tables, 7)}${pad(row.findings, 6)}${pad(row.pdfjs.toFixed(0), 11)}${pad(row.pipeline.toFixed(0), 13)}` +
        `${pad((row.pdfjs / row.pages).toFixed(1), 11)}${pad((row.pipeline / row.pages).toFixed(1), 9)}${pad((row.pipeline / row.pdfjs).toFixed(2), 7)}` +
        `${pad((row.own / row.pages).toFixed(1), 8)}${pad(((100 * row.own) / row.pipeline).toFixed(0), 7)}`,
    );
  }
  const pages = rows.reduce((sum, row) => sum + row.pages, 0);
  const pdfjs = rows.reduce((sum, row) => sum + row.pdfjs, 0);
  const pipeline = rows.reduce((sum, row) => sum + row.pipeline, 0);
  const own = rows.reduce((sum, row) => sum + row.own, 0);
  console.log(
    `${'all files'.padEnd(41)}${pad(pages, 6)}${pad('', 13)}${pad(pdfjs.toFixed(0), 11)}${pad(pipeline.toFixed(0), 13)}${pad((pdfjs / pages).toFixed(1), 11)}${pad((pipeline / pages).toFixed(1), 9)}${pad((pipeline / pdfjs).toFixed(2), 7)}` +
      `${pad((own / pages).toFixed(1), 8)}${pad(((100 * own) / pipeline).toFixed(0), 7)}`,
  );
  console.log('own = pipeline time not spent inside pdf.js calls (measured within the same run, so robust to machine load); ratio = pipeline ÷ pdf.js alone (separate runs)');
  console.log(`pipeline ÷ its own pdf.js share, same runs: ${(pipeline / (pipeline - own)).toFixed(2)}`);
  const worst = rows.reduce((a, b) => (b.pipeline / b.pdfjs > a.pipeline / a.pdfjs ? b : a));
  console.log(`goal pipeline ≤ 1.3 × pdf.js: overall ${(pipeline / pdfjs).toFixed(2)}, worst ${(worst.pipeline / worst.pdfjs).toFixed(2)} (${worst.file})`);
  const long = rows.filter((row) => row.pages >= 25);
  if (long.length) {
    const fmt = long.map((row) => `${row.file} ${row.pages} p ${(row.pipeline / 1000).toFixed(2)} s`).join('; ');
    console.log(`goal 30 pages < 3 s: ${fmt}; at the mean rate a 30-page document takes ${((30 * pipeline) / pages / 1000).toFixed(2)} s`);
  }
}
