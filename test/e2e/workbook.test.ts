import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRun, launch, PORTAL, type Browser, type Route } from './harness';
import { legacyXls, SMALL_STYLES, smallTable } from '../../scripts/fixtures/xlsx-hostile';
import { writeXlsx } from '../../scripts/fixtures/xlsx-writer';

/**
 * A workbook opened in the extension's viewer (as the link menu "用预算透镜打开" does, or a
 * dropped file): its sheet drawn as an HTML table, checked, and marked by the page overlay.
 * Served from a portal address without .xlsx, as octet-stream.
 */

const rows = smallTable();
// 合计 125.70 against items adding to 125.60: an error; one more table cell shown rounded.
rows[3]![2] = { value: 125.7, style: 3 };
rows[7]![2] = { value: 25.2, style: 4 };
const workbook = writeXlsx({ sheets: [{ name: '一般公共预算支出表', rows }], styles: [...SMALL_STYLES, { border: true, format: '#,##0' }] });

describe.skipIf(!canRun)('workbooks in the viewer', () => {
  let browser: Browser;
  const routes: Route[] = [
    (req, res) => {
      if (!req.url?.startsWith('/x/attachment')) return false;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': workbook.length });
      res.end(workbook);
      return true;
    },
  ];

  beforeAll(async () => {
    browser = await launch(routes);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the sheet as a table and marks its error with the arithmetic, like a page', async () => {
    const page = await browser.context.newPage();
    const file = browser.url(PORTAL, 'x/attachment?id=3');
    await page.goto(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(file)}`);
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge'), null, { timeout: 30_000 });
    const state = await page.evaluate(() => ({
      cells: Array.from(document.querySelectorAll('.bl-xlsx-table td')).map((td) => td.textContent ?? ''),
      rounded: Array.from(document.querySelectorAll<HTMLElement>('.bl-xlsx-table td[title]')).map((td) => td.title),
      badges: Array.from(document.querySelector('budget-lens-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.badge')).map((b) => b.getAttribute('aria-label') ?? ''),
      notices: Array.from(document.querySelectorAll('.notice')).map((n) => n.textContent ?? ''),
    }));
    console.log(`[e2e] workbook: ${state.cells.length} cells, badges: ${state.badges.join(' | ')}; notices: ${state.notices.join(' | ')}`);
    expect(state.cells).toContain('一般公共服务支出');
    expect(state.rounded).toEqual(['单元格显示 25，存储值 25.2（核对按存储值）']);
    expect(state.badges.some((label) => label.includes('125.70'))).toBe(true);
    expect(state.notices.join(' ')).toContain('预算透镜：1 张表格');
    // The toolbar's ◀ 问题 ▶ steps through the workbook's findings.
    await page.click('#finding-next');
    expect(await page.textContent('#finding-pos')).toBe('1/1');
    await page.screenshot({ path: '/tmp/budget-lens-e2e-workbook.png' });
    await page.close();
  });

  it('a chosen file: a legacy .xls gets its reason, an .xlsx is checked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/viewer.html`);
    await page.setInputFiles('#file-input', { name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(legacyXls()) });
    await page.waitForFunction(() => document.querySelector('.notice.error'), null, { timeout: 15_000 });
    expect(await page.textContent('.notice.error')).toContain('Excel 97-2003 工作簿（.xls）暂不支持');
    await page.setInputFiles('#file-input', { name: 'budget.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(workbook) });
    await page.waitForFunction(() => document.querySelector('budget-lens-overlay')?.shadowRoot?.querySelector('.badge'), null, { timeout: 30_000 });
    await page.close();
  });
});
