/**
 * npm run fixtures:pdf — prints the seed fixture pages (test/fixtures/pages, `npm run fixtures`)
 * to PDF with Debian's Chromium and writes the hostile PDFs of test/fixtures/pdf/hostile/.
 *
 * The outputs are committed on purpose: printing needs Chromium, and the encrypted fixtures need
 * qpdf (apt-get install qpdf), neither of which the unit tests or CI should depend on. Rerun this
 * script after changing the seed pages; the PDFs change byte-wise (Chromium stamps dates), so
 * commit them only when the pages changed.
 *
 *   npx tsx scripts/generate-pdf-fixtures.ts [--only seeds|hostile|xlsx]
 *
 * Sizes: Chromium draws synthetic bold (WQY MicroHei has no bold face) as one Type3 glyph program
 * per bold character, which makes a seed PDF ~0.8 MB. Seed 001 keeps it (pdf.js must read Type3
 * text); the other seeds are printed with bold switched off (~0.2 MB each).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { textAt, writePdf } from './fixtures/pdf-writer';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const pagesDir = join(repoRoot, 'test/fixtures/pages');
export const pdfDir = join(repoRoot, 'test/fixtures/pdf');
export const hostileDir = join(pdfDir, 'hostile');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface SeedPrint {
  page: string;
  landscape: boolean;
  /** Keep Chromium's synthetic bold (Type3 fonts); see the header for why only one seed does. */
  bold: boolean;
}

/** The printed seeds: every seed in the CMS markup (landscape, as portals' wide tables need), one in plain markup on portrait A4 (tables shrunk to fit). */
export const seedPrints: SeedPrint[] = [
  { page: '000-cms', landscape: true, bold: false },
  { page: '001-cms', landscape: true, bold: true },
  { page: '002-cms', landscape: true, bold: false },
  { page: '003-cms', landscape: true, bold: false },
  { page: '004-cms', landscape: true, bold: false },
  { page: '002-plain', landscape: false, bold: false },
];

const MARGIN = { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' };
/** Printable A4 width in CSS pixels (96 per inch) with the 10 mm side margins. */
const PRINTABLE_WIDTH = { landscape: Math.floor(((297 - 20) / 25.4) * 96), portrait: Math.floor(((210 - 20) / 25.4) * 96) };

/**
 * The print scale at which the widest table fits the page. Chromium only shrinks the layout
 * width to fit, and tables wider than the 1100 px article would be cut at the page edge (a PDF
 * no producer would publish), so wide pages are printed smaller, as a person would.
 */
async function fitScale(page: Page, landscape: boolean): Promise<number> {
  const width = landscape ? PRINTABLE_WIDTH.landscape : PRINTABLE_WIDTH.portrait;
  // At scale s the page is laid out s times narrower than wide; centred layouts move with the
  // width, so try decreasing scales until the widest table ends inside the layout width.
  for (let scale = 1; scale > 0.5; scale = Math.round((scale - 0.02) * 100) / 100) {
    const layoutWidth = Math.floor(width / scale);
    await page.setViewportSize({ width: layoutWidth, height: 800 });
    const right = await page.evaluate(() =>
      Math.max(document.documentElement.scrollWidth, ...Array.from(document.querySelectorAll('table'), (t) => t.getBoundingClientRect().right)),
    );
    if (right <= layoutWidth) return scale;
  }
  return 0.5;
}

async function printPage(page: Page, landscape: boolean, scale = 1): Promise<Uint8Array> {
  return new Uint8Array(await page.pdf({ format: 'A4', landscape, margin: MARGIN, printBackground: false, scale }));
}

async function printSeeds(page: Page): Promise<void> {
  for (const seed of seedPrints) {
    await page.goto(pathToFileURL(join(pagesDir, `${seed.page}.html`)).href);
    if (!seed.bold) await page.addStyleTag({ content: '*{font-weight:normal!important}' });
    const scale = await fitScale(page, seed.landscape);
    const bytes = await printPage(page, seed.landscape, scale);
    writeFileSync(join(pdfDir, `${seed.page}.pdf`), bytes);
    console.log(`${seed.page}.pdf  scale ${scale}  ${(bytes.length / 1024).toFixed(0)} KB`);
  }
}

/** One small ruled table, the source of the encrypted, broken-xref and scanned fixtures. */
const MINI_TABLE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{font-family:"WenQuanYi Micro Hei",sans-serif;margin:24px}
table{border-collapse:collapse}td,th{border:1px solid #000;padding:3px 8px;font-weight:normal}
td.n{text-align:right}p{margin:4px 0}</style></head><body>
<p style="text-align:center">一般公共预算支出表</p><p style="text-align:right">单位：万元</p>
<table id="t"><tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><td></td><td>合计</td><td class="n">125.60</td><td class="n">100.40</td><td class="n">25.20</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td class="n">125.60</td><td class="n">100.40</td><td class="n">25.20</td></tr>
<tr><td>20103</td><td>政府办公厅（室）及相关机构事务</td><td class="n">125.60</td><td class="n">100.40</td><td class="n">25.20</td></tr>
<tr><td>2010301</td><td>行政运行</td><td class="n">100.40</td><td class="n">100.40</td><td class="n"></td></tr>
<tr><td>2010302</td><td>一般行政管理事务</td><td class="n">25.20</td><td class="n"></td><td class="n">25.20</td></tr>
</table></body></html>`;

/** Deterministic bytes (xorshift32), so the garbage fixture does not change between runs. */
function pseudoRandomBytes(count: number, seed = 0x2024_0401): Uint8Array {
  const out = new Uint8Array(count);
  let x = seed;
  for (let i = 0; i < count; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A ruled 5-row table per page, drawn with stroked lines; amounts add up, so checks run and pass. */
function hugePage(index: number): string {
  const a = 100 + (index % 37);
  const b = 50 + (index % 11);
  const rows: [string, string, string][] = [
    ['科目编码', '科目名称', '合计'],
    ['', '合计', (a + b).toFixed(2)],
    ['201', '一般公共服务支出', a.toFixed(2)],
    ['20101', '人大事务', a.toFixed(2)],
    ['205', '教育支出', b.toFixed(2)],
    ['20502', '普通教育', b.toFixed(2)],
  ];
  const xs = [60, 160, 400, 535];
  const top = 740;
  const rowHeight = 22;
  let content = textAt(200, 790, 14, `一般公共预算支出表（第${index}页）`);
  content += textAt(470, 760, 10, '单位：万元');
  content += '0.5 w\n';
  for (let r = 0; r <= rows.length; r += 1) content += `${xs[0]} ${top - r * rowHeight} m ${xs[3]} ${top - r * rowHeight} l S\n`;
  for (const x of xs) content += `${x} ${top} m ${x} ${top - rows.length * rowHeight} l S\n`;
  rows.forEach((row, r) => {
    const y = top - r * rowHeight - 15;
    content += textAt(xs[0]! + 5, y, 10, row[0]);
    content += textAt(xs[1]! + 5, y, 10, row[1]);
    // Right-aligned amounts: 5 pt per ASCII glyph at 10 pt (the font's /W for CIDs 1–95).
    const width = r === 0 ? row[2].length * 10 : row[2].length * 5;
    content += textAt(xs[3]! - 5 - width, y, 10, row[2]);
  });
  return content;
}

export const HUGE_PAGES = 450;

function qpdf(args: string[]): void {
  execFileSync('qpdf', args, { stdio: 'inherit' });
}

async function writeHostile(page: Page): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'budget-lens-pdf-'));
  try {
    await page.setContent(MINI_TABLE);
    const mini = await printPage(page, false);
    const miniPath = join(work, 'mini.pdf');
    writeFileSync(miniPath, mini);

    // A real multi-page print cut in half: the xref and trailer (at the end) are gone.
    const seed = readFileSync(join(pdfDir, '004-cms.pdf'));
    writeFileSync(join(hostileDir, 'truncated.pdf'), seed.subarray(0, Math.floor(seed.length / 2)));

    // A PDF header followed by noise.
    const header = new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const garbage = new Uint8Array(header.length + 8192);
    garbage.set(header);
    garbage.set(pseudoRandomBytes(8192), header.length);
    writeFileSync(join(hostileDir, 'garbage.pdf'), garbage);

    // Needs a password to open (AES-256): not checkable.
    qpdf(['--encrypt', 'budget-user', 'budget-owner', '256', '--', miniPath, join(hostileDir, 'encrypted-user-password.pdf')]);
    // Owner password only (empty user password, copying forbidden): opens without a password and must be checked normally.
    qpdf(['--encrypt', '', 'budget-owner', '128', '--use-aes=y', '--extract=n', '--', miniPath, join(hostileDir, 'owner-password-only.pdf')]);

    // The startxref offset and every xref entry point to the wrong place; the objects are intact,
    // so a reader that rebuilds the xref by scanning (pdf.js does) still gets the table.
    const text = Buffer.from(mini).toString('latin1');
    const xrefAt = text.lastIndexOf('\nxref');
    const startxrefAt = text.lastIndexOf('startxref');
    if (xrefAt < 0 || startxrefAt < 0) throw new Error('mini.pdf has no classic xref table to break');
    const broken =
      text.slice(0, xrefAt) +
      text.slice(xrefAt, startxrefAt).replace(/\d{10} \d{5} n/g, (entry) => `${String(Number(entry.slice(0, 10)) + 7).padStart(10, '0')} 00000 n`) +
      text.slice(startxrefAt).replace(/startxref\s+\d+/, 'startxref\n999999');
    writeFileSync(join(hostileDir, 'broken-xref.pdf'), Buffer.from(broken, 'latin1'));

    // A "scan": the table only as a picture, no text layer at all.
    await page.setContent(MINI_TABLE);
    const png = await page.locator('body').screenshot({ type: 'png' });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png.toString('base64')}"></body></html>`);
    writeFileSync(join(hostileDir, 'scanned.pdf'), await printPage(page, false));

    // Hundreds of pages in a few kilobytes (hand-written, non-embedded font).
    writeFileSync(join(hostileDir, 'huge.pdf'), writePdf(Array.from({ length: HUGE_PAGES }, (_, i) => ({ content: hugePage(i + 1) }))));

    // One page, nothing on it.
    writeFileSync(join(hostileDir, 'empty-page.pdf'), writePdf([{ content: '' }]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Optional: seed 004 through LibreOffice Calc (HTML import → .xlsx → PDF), the route of
 * disclosures exported from spreadsheets. Skipped when soffice is not installed
 * (apt-get install libreoffice-calc-nogui).
 */
function writeViaXlsx(): void {
  if (!existsSync('/usr/bin/soffice')) {
    console.log('soffice not found: skipping the .xlsx rendering (apt-get install libreoffice-calc-nogui)');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'budget-lens-xlsx-'));
  try {
    const profile = pathToFileURL(join(work, 'profile')).href;
    const run = (args: string[]): void => {
      execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { stdio: 'inherit', timeout: 180_000 });
    };
    const html = join(work, '004-plain.html');
    writeFileSync(html, readFileSync(join(pagesDir, '004-plain.html')));
    run(['--infilter=calc_HTML_WebQuery', '--convert-to', 'xlsx', '--outdir', work, html]);
    run(['--convert-to', 'pdf', '--outdir', work, join(work, '004-plain.xlsx')]);
    const pdf = readFileSync(join(work, '004-plain.pdf'));
    writeFileSync(join(pdfDir, '004-xlsx.pdf'), pdf);
    console.log(`004-xlsx.pdf  ${(pdf.length / 1024).toFixed(0)} KB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-microhei)`);
  mkdirSync(hostileDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    if (!only || only === 'seeds') await printSeeds(page);
    if (!only || only === 'hostile') await writeHostile(page);
  } finally {
    await browser.close();
  }
  if (!only || only === 'xlsx') writeViaXlsx();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`generate-pdf-fixtures: ${(error as Error).message}`);
    process.exit(1);
  });
}
