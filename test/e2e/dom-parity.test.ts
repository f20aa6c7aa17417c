/**
 * Browser ↔ CLI parity of HTML reading (issue 13): the same page must give the same
 * SourceDocument in Chromium (the content script's extraction, lib/extract/html.ts bundled and run
 * in the page) and in the CLI (lib/extract/html-node.ts: parse5's standard tree). Checked on every
 * fixture page, a sample of the metamorphic markup variants, and markup the HTML standard repairs
 * (text inside <table>, misnested tags) where a non-conforming parser builds another tree.
 *
 * late-table.html is left out: its table is inserted by a script, which the CLI never runs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHtml } from '../../lib/extract/html';
import { parseHtmlDocument } from '../../lib/extract/html-node';
import type { SourceDocument } from '../../lib/engine/source';
import { laidOutSeeds } from '../../scripts/fixtures/build';
import { variantsOf } from '../../scripts/fixtures/variants';
import { CHROMIUM, canRun } from './harness';

const root = new URL('../..', import.meta.url).pathname;
const pagesDir = join(root, 'test/fixtures/pages');
const seedsDir = join(root, '../shared/seeds');
const VARIANTS_PER_SEED = 6;
const ORIGIN = 'http://parity.test';

const fixturePages = readdirSync(pagesDir)
  .filter((name) => name.endsWith('.html') && name !== 'late-table.html')
  .sort()
  .map((name) => [name, readFileSync(join(pagesDir, name), 'utf8')] as const);

const variantPages = existsSync(seedsDir)
  ? laidOutSeeds(seedsDir).flatMap((input) => variantsOf(input, VARIANTS_PER_SEED).map((v) => [v.name, v.html] as const))
  : [];

const row = (cells: string) => `<tr>${cells}</tr>`;
const DATA = `${row('<td>项目</td><td>金额</td>')}${row('<td>合计</td><td>3.00</td>')}${row('<td>甲</td><td>1.00</td>')}${row('<td>乙</td><td>2.00</td>')}`;
/** Markup the standard repairs; linkedom kept each as written. */
const repaired: Array<readonly [string, string]> = [
  ['text between <table> and its rows', `<p>收支总表</p><table>单位：万元${DATA}</table>`],
  ['a paragraph inside <table>', `<table><p>单位：万元</p>${DATA}</table>`],
  ['a row without <tbody> after <thead>', `<table><thead>${row('<th>项目</th><th>金额</th>')}</thead>${row('<td>合计</td><td>1.00</td>')}${row('<td>甲</td><td>1.00</td>')}</table>`],
  ['cells outside any table', `<div><td>孤立单元格</td><tr><td>1</td></tr></div>`],
  ['unclosed cells and rows', `<table><tr><td>项目<td>金额<tr><td>合计<td>3.00<tr><td>甲<td>3.00</table>`],
  ['a form wrapping the rows', `<table><form>${DATA}</form></table>`],
  ['a nested table in a cell (layout)', `<table><tr><td><table>${DATA}</table></td><td>旁注</td></tr></table>`],
  ['a table inside <p>', `<p>说明<table>${DATA}</table>后文</p>`],
  ['misnested inline tags', `<p><b>一、<i>收入</b>情况</i></p><table>${DATA}</table>`],
  ['a fragment without html/body', `<h1>标题</h1><table>${DATA}</table><p>注：单位万元</p>`],
  ['text after the last row', `<table>${DATA}合计以上</table>`],
  ['a nobr and a font in cells', `<table>${row('<td><nobr>项 目</nobr></td><td><font>金额</font></td>')}${row('<td>合计</td><td><font>1,0</font><font>25.50</font></td>')}</table>`],
];

let browser: Browser | undefined;
let page: Page;
let bundle = '';
let current = '';

async function browserDoc(source: string, html: string): Promise<SourceDocument> {
  current = html;
  await page.goto(`${ORIGIN}/page.html`, { waitUntil: 'domcontentloaded' });
  // Evaluated through DevTools, which the page's script-src 'none' does not govern.
  await page.evaluate(bundle);
  return (await page.evaluate((src) => (globalThis as unknown as { budgetLensExtract: (s: string) => SourceDocument }).budgetLensExtract(src), source)) as SourceDocument;
}

function cliDoc(source: string, html: string): SourceDocument {
  // Through JSON like the browser's answer, so both sides compare as plain data.
  return JSON.parse(JSON.stringify(extractHtml(parseHtmlDocument(html), { source }).doc)) as SourceDocument;
}

describe.skipIf(!canRun)('HTML reading: Chromium and the CLI build the same SourceDocument', () => {
  beforeAll(async () => {
    const built = await build({
      stdin: {
        contents: `import { extractHtml } from './lib/extract/html'; globalThis.budgetLensExtract = (source) => extractHtml(document, { source }).doc;`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      target: 'chrome120',
    });
    bundle = built.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ javaScriptEnabled: true });
    // Pages are served as they are; their own scripts are kept from running, as the CLI runs none.
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: current }),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(fixturePages)('fixture page %s', async (name, html) => {
    expect(cliDoc(name, html)).toEqual(await browserDoc(name, html));
  });

  it.each(repaired)('repaired markup: %s', async (name, html) => {
    const cli = cliDoc(name, html);
    expect(cli).toEqual(await browserDoc(name, html));
  });

  it.skipIf(variantPages.length === 0).each(variantPages)('markup variant %s', async (name, html) => {
    expect(cliDoc(name, html)).toEqual(await browserDoc(name, html));
  });
});
