/**
 * budget-lens check <file.html|file.pdf|file.xlsx|url> [more…] [--format text|json|md] [--fail-on error|warning] [--lang zh|en]
 * budget-lens tables <file.html|file.pdf|file.xlsx|url> [--format csv|json|md] [--out DIR]
 *
 * The same extraction and analysis as the extension, on a standard-conforming parse of the page
 * (lib/extract/html-node.ts: the tree Chromium builds). Exit codes: 0 checked
 * (whatever was found), 1 a finding at or above --fail-on, 2 could not check (bad input,
 * unreachable URL, HTTP error, encrypted or broken PDF or workbook, legacy .xls, bad usage). Messages go to stderr, in Chinese with
 * the English cause, so stdout carries only the report.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyse, analyseDocument } from '../lib/engine/analyse';
import type { SourceDocument } from '../lib/engine/source';
import type { NotChecked } from '../lib/engine/report/schema';
import { csvFileName, dumpTables, formatTablesCsv, formatTablesJson, formatTablesMarkdown, tableCsv } from '../lib/engine/report/format-tables';
import { decodeHtml, looksLikePdf } from '../lib/extract/charset';
import { extractHtml } from '../lib/extract/html';
import { parseHtmlDocument } from '../lib/extract/html-node';
import { flattenDeepNesting } from '../lib/extract/html-depth';
import { extractPdf } from '../lib/extract/pdf/index';
import { openPdfInNode } from '../lib/extract/pdf/node';
import { describePdfError } from '../lib/extract/pdf/open-errors';
import { formatReportMarkdown } from '../lib/engine/report/format-markdown';
import { formatReportText } from '../lib/engine/report/format-text';
import { isLang } from '../lib/present/i18n';
import { inLanguage } from '../lib/present/report-lang';
import type { Report, Severity } from '../lib/engine/report/schema';
import { reportSchema } from '../lib/engine/report/schema';

const FETCH_TIMEOUT_MS = 20_000;
const MAX_BYTES = 64 * 1024 * 1024;
const FORMATS = ['text', 'json', 'md'] as const;
const TABLE_FORMATS = ['csv', 'json', 'md'] as const;
const FAIL_ON = ['error', 'warning'] as const;
type Format = (typeof FORMATS)[number];
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const USAGE = `预算透镜 Budget Lens：核对部门预算、决算公开表格的算术。

用法：
  budget-lens check <文件.html|文件.pdf|文件.xlsx|网址> [更多…] [选项]
  budget-lens tables <文件.html|文件.pdf|文件.xlsx|网址> [--format csv|json|md] [--out 目录]

选项：
  --format text|json|md   输出格式（默认 text；json 为 budget-lens/report@1，多个输入时为数组）
  --fail-on error|warning 有该级别或更严重的问题时以 1 退出
  --lang zh|en            问题说明的语言（默认 zh；en 为英文说明，算式数字不变）
  tables：列出核对所读的每张表格（续表已合并）：标题、类别、单位、页码和表格内容；
  --format csv|json|md    默认 csv（每表一段）；json 为 budget-lens/tables@1
  --out 目录              每张表写一个 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）
  -h, --help              显示本帮助
  -v, --version           显示版本

退出码：0 已核对；1 达到 --fail-on 级别；2 无法核对（文件或网址不可读、PDF 或工作簿加密或损坏、.xls 旧格式、用法错误）。
`;

type Loaded =
  | { kind: 'html'; source: string; text: string }
  | { kind: 'pdf'; source: string; bytes: Uint8Array }
  | { kind: 'xlsx'; source: string; bytes: Uint8Array }
  | { kind: 'failed'; message: string };

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * pdf.js (its in-process "fake worker" in Node) can reject a promise nobody awaits after the
 * document itself has already failed — "FormatError: Illegal character" on a cut PDF. Node would
 * end the process with a stack trace; the input's own outcome is already decided, so such a stray
 * rejection is left for the --debug of whoever investigates, never printed as the result.
 */
let strayGuarded = false;
function guardStrayRejections(): void {
  if (strayGuarded || typeof process === 'undefined' || typeof process.on !== 'function') return;
  strayGuarded = true;
  process.on('unhandledRejection', (reason) => {
    if (process.env.BUDGET_LENS_DEBUG) process.stderr.write(`[debug] stray rejection: ${String(reason)}\n`);
  });
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  guardStrayRejections();
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        'fail-on': { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError(io, `参数错误：${errorText(error)}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(`${await version()}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command === 'tables') return tables(io, inputs, values.format ?? 'csv', values.out);
  if (command !== 'check') {
    return usageError(io, command === undefined ? '缺少命令 check' : `未知命令：${command}`);
  }
  if (inputs.length === 0) return usageError(io, '缺少要核对的文件或网址');
  if (values.out !== undefined) return usageError(io, '--out 只用于 tables 命令');
  const format = values.format ?? 'text';
  if (!isFormat(format)) return usageError(io, `未知格式：${format}（可用 text、json、md）`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isFailOn(failOn)) {
    return usageError(io, `--fail-on 只接受 error 或 warning：${failOn}`);
  }

  const lang = values.lang ?? 'zh';
  if (!isLang(lang)) return usageError(io, `--lang 只接受 zh 或 en：${lang}`);

  const reports: Report[] = [];
  let cannotCheck = false;
  for (const input of inputs) {
    const loaded = await load(input);
    if (loaded.kind === 'failed') {
      io.err(`${loaded.message}\n`);
      cannotCheck = true;
      continue;
    }
    if (loaded.kind === 'pdf' || loaded.kind === 'xlsx') {
      const checked = loaded.kind === 'pdf' ? await checkPdf(loaded.source, loaded.bytes) : await checkXlsx(loaded.source, loaded.bytes, io);
      if ('failed' in checked) {
        io.err(`${checked.failed}\n`);
        cannotCheck = true;
      } else reports.push(checked.report);
      continue;
    }
    // An internal failure on one input is one line and exit 2 ("could not check"), never a stack trace.
    try {
      reports.push(check(loaded.source, loaded.text));
    } catch (error) {
      io.err(`${internalFailure(loaded.source, error)}\n`);
      cannotCheck = true;
    }
  }

  if (format === 'json') {
    let valid: Report[];
    try {
      valid = reports.map((report) => reportSchema.parse(inLanguage(report, lang)));
    } catch (error) {
      io.err(`内部错误：报告未通过 report@1 校验：${errorText(error)}\n`);
      return 2;
    }
    if (valid.length > 0) io.out(`${JSON.stringify(inputs.length === 1 ? valid[0] : valid, null, 2)}\n`);
  } else {
    const render = format === 'md' ? formatReportMarkdown : formatReportText;
    io.out(reports.map((report) => render(inLanguage(report, lang))).join(format === 'md' ? '\n---\n\n' : `\n${'─'.repeat(40)}\n\n`));
  }

  if (cannotCheck) return 2;
  if (failOn) {
    const threshold = SEVERITY_RANK[failOn];
    const failing = reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
    if (failing) return 1;
  }
  return 0;
}

/** `tables`: the reconstructed tables of one document, as the checks read them. */
async function tables(io: Io, inputs: string[], format: string, out: string | undefined): Promise<number> {
  if (inputs.length !== 1) return usageError(io, inputs.length === 0 ? '缺少要读取表格的文件或网址' : 'tables 命令一次只读一个文件或网址');
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) return usageError(io, `未知格式：${format}（tables 可用 csv、json、md）`);
  const loaded = await load(inputs[0]!);
  if (loaded.kind === 'failed') {
    io.err(`${loaded.message}\n`);
    return 2;
  }
  const extracted =
    loaded.kind === 'pdf'
      ? await extractPdfDoc(loaded.source, loaded.bytes)
      : loaded.kind === 'xlsx'
        ? await extractXlsxDoc(loaded.source, loaded.bytes, '未能读取')
        : { doc: extractHtmlDoc(loaded.source, loaded.text), notChecked: [] };
  if ('failed' in extracted) {
    io.err(`${extracted.failed}\n`);
    return 2;
  }
  const { doc } = extracted;
  const dump = dumpTables(doc.source, analyseDocument(doc, { notChecked: extracted.notChecked }).tables, doc.tables);
  if (out !== undefined) {
    try {
      await mkdir(out, { recursive: true });
      for (const table of dump.tables) await writeFile(join(out, csvFileName(table)), `\uFEFF${tableCsv(table)}`);
    } catch (error) {
      io.err(`无法写入 ${out}：${errorCode(error)}\n`);
      return 2;
    }
    io.err(`已写入 ${dump.tables.length} 个 CSV 文件到 ${out}\n`);
    return 0;
  }
  io.out(format === 'json' ? formatTablesJson(dump) : format === 'md' ? formatTablesMarkdown(dump) : formatTablesCsv(dump));
  return 0;
}

function extractHtmlDoc(source: string, html: string): SourceDocument {
  return extractHtml(parseHtmlDocument(flattenDeepNesting(html)), { source }).doc;
}

async function extractPdfDoc(source: string, bytes: Uint8Array): Promise<{ doc: SourceDocument; notChecked: NotChecked[] } | { failed: string }> {
  try {
    const pdf = await openPdfInNode(bytes);
    try {
      return await extractPdf(pdf, { source });
    } finally {
      await pdf.destroy().catch(() => {});
    }
  } catch (error) {
    return { failed: `未能读取 ${source}：${describePdfError(error)}` };
  }
}

/** Workbooks: the reader is loaded only when a workbook comes (it is not needed for pages and PDFs). */
async function extractXlsxDoc(source: string, bytes: Uint8Array, verb: string, io?: Io): Promise<{ doc: SourceDocument; notChecked: NotChecked[] } | { failed: string }> {
  const { extractXlsx, xlsxFailureReason } = await import('../lib/extract/xlsx/index');
  try {
    const extraction = await extractXlsx(bytes, { source });
    // Where a cell's format rounds the number it holds, the checks used the stored number: say so.
    const [first] = extraction.rounded;
    if (io && first) {
      const sheet = extraction.sheets[first.place.sheet]?.name ?? '';
      io.err(`注：${source} 中 ${extraction.rounded.length} 个单元格的显示值经单元格格式舍入，核对按存储值（如「${sheet}」${first.place.ref} 显示 ${first.shown}，存储 ${first.stored}）\n`);
    }
    return extraction;
  } catch (error) {
    return { failed: `${verb} ${source}：${xlsxFailureReason(error)}` };
  }
}

async function checkXlsx(source: string, bytes: Uint8Array, io: Io): Promise<{ report: Report } | { failed: string }> {
  const started = performance.now();
  const extraction = await extractXlsxDoc(source, bytes, '未核对', io);
  if ('failed' in extraction) return extraction;
  return { report: analyse(extraction.doc, { extractMillis: performance.now() - started, notChecked: extraction.notChecked }) };
}

function check(source: string, html: string): Report {
  const document = parseHtmlDocument(flattenDeepNesting(html));
  const started = performance.now();
  const { doc } = extractHtml(document, { source });
  return analyse(doc, { extractMillis: performance.now() - started });
}

async function checkPdf(source: string, bytes: Uint8Array): Promise<{ report: Report } | { failed: string }> {
  const started = performance.now();
  let extraction;
  try {
    const pdf = await openPdfInNode(bytes);
    try {
      extraction = await extractPdf(pdf, { source });
    } finally {
      await pdf.destroy().catch(() => {});
    }
  } catch (error) {
    return { failed: `未核对 ${source}：${describePdfError(error)}` };
  }
  try {
    return { report: analyse(extraction.doc, { extractMillis: performance.now() - started, notChecked: extraction.notChecked }) };
  } catch (error) {
    return { failed: internalFailure(source, error) };
  }
}

/** One line for a failure inside extraction or analysis: what could not be checked and the cause. */
export function internalFailure(source: string, error: unknown): string {
  const cause = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!.slice(0, 300);
  return `未核对 ${source}：内部错误（${cause}）`;
}

async function load(input: string): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) return loadUrl(input);
  const path = /^file:/i.test(input) ? fileURLToPath(input) : input;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { kind: 'failed', message: `无法读取文件 ${input}：${errorCode(error)}` };
  }
  if (bytes.length > MAX_BYTES) return { kind: 'failed', message: `文件过大，未核对：${input}（${bytes.length} 字节）` };
  if (/\.pdf$/i.test(path) || looksLikePdf(bytes)) return { kind: 'pdf', source: input, bytes };
  // A ZIP or an OLE file is a workbook or another Office file: the workbook reader says which.
  if (officeFile(bytes) || /\.(xlsx|xlsm|xls)$/i.test(path)) return { kind: 'xlsx', source: input, bytes };
  return { kind: 'html', source: input, text: decodeHtml(bytes).text };
}

async function loadUrl(url: string): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: {
        accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;q=0.9,*/*;q=0.8',
        // Some portals turn away clients that do not look like a browser.
        'user-agent': 'Mozilla/5.0 (compatible; budget-lens CLI)',
      },
    });
  } catch (error) {
    return { kind: 'failed', message: `无法访问 ${url}：${errorCode(error)}` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'failed', message: `无法访问 ${url}：HTTP ${response.status} ${response.statusText}`.trimEnd() };
  }
  const source = response.url || url;
  const contentType = response.headers.get('content-type');
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, MAX_BYTES);
  } catch (error) {
    return { kind: 'failed', message: `无法读取 ${url} 的内容：${errorCode(error)}` };
  }
  if (looksLikePdf(bytes) || (contentType && /\bpdf\b/i.test(contentType)) || (!contentType && /\.pdf$/i.test(new URL(source).pathname))) {
    return { kind: 'pdf', source, bytes };
  }
  if (officeFile(bytes)) return { kind: 'xlsx', source, bytes };
  if (contentType && /^(image|audio|video|font)\//i.test(contentType)) {
    return { kind: 'failed', message: `不是 HTML 页面：${url}（${contentType}，暂不支持）` };
  }
  return { kind: 'html', source, text: decodeHtml(bytes, contentType).text };
}

async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new Error(`more than ${max} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Word and Excel files are common on portals next to the HTML: ZIP (.xlsx, .docx) or OLE (.xls, .doc). */
function officeFile(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'Office/ZIP 文件';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'Word/Excel 97 文件';
  return null;
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function isFailOn(value: string): value is (typeof FAIL_ON)[number] {
  return (FAIL_ON as readonly string[]).includes(value);
}

function usageError(io: Io, message: string): number {
  io.err(`${message}\n\n${USAGE}`);
  return 2;
}

/** The short English cause: "ENOENT", "ECONNREFUSED", "timeout after 20 s". */
function errorCode(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `超时（${FETCH_TIMEOUT_MS / 1000} 秒，timeout）`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = (error as { code?: unknown } | null)?.code ?? cause?.code;
  if (typeof code === 'string') return code;
  return cause?.message ?? errorText(error);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
