/**
 * Workbooks written by scripts/fixtures/xlsx-writer.ts, read into the SourceDocument that HTML
 * and PDF extraction give: tables under their title and unit lines, merged cells as spans,
 * hidden rows, columns and sheets skipped, several tables on a sheet, displayed numbers.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { extractXlsx, xlsxFailureReason } from '../../../../lib/extract/xlsx/index';
import { writeXlsx, writeZip, type WriterCell, type WriterWorkbook } from '../../../../scripts/fixtures/xlsx-writer';
import { SMALL_STYLES, smallTable } from '../../../../scripts/fixtures/xlsx-hostile';

const enc = new TextEncoder();
const read = (book: WriterWorkbook) => extractXlsx(writeXlsx(book), { source: 'test.xlsx' });
const texts = (rows: { text: string }[][]) => rows.map((row) => row.map((c) => c.text));
const b = (value: string | number | null, style = 2): WriterCell => ({ value, style });
const n = (value: number | string, style = 3): WriterCell => ({ value, style, number: true });

/** A 收支-like table: a two-row header with merged cells, numbers in #,##0.00. */
function headerTable(): (WriterCell | null)[][] {
  return [
    [{ value: '2026年部门支出预算总表', style: 1 }],
    [{ value: '编制单位：上海市普陀区司法局' }, null, null, { value: '单位：元' }],
    [b('科目编码'), b('科目名称'), b('支出预算'), b(null)],
    [b(null), b(null), b('基本支出'), b('项目支出')],
    [b(''), b('合计'), n(300), n(120)],
    [b('204'), b('公共安全支出'), n(300), n(120)],
  ];
}
const HEADER_MERGES = ['A1:D1', 'A3:A4', 'B3:B4', 'C3:D3'];

describe('reading a sheet', () => {
  it('a bordered table under its title and unit line: merges become spans, lines go above', async () => {
    const { doc, notChecked } = await read({ sheets: [{ name: '支出总表', rows: headerTable(), merges: HEADER_MERGES }], styles: SMALL_STYLES });
    expect(notChecked).toEqual([]);
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables;
    expect(table!.before).toEqual(['支出总表', '2026年部门支出预算总表', '编制单位：上海市普陀区司法局 单位：元']);
    expect(texts(table!.rows)).toEqual([
      ['科目编码', '科目名称', '支出预算'],
      ['基本支出', '项目支出'],
      ['', '合计', '300.00', '120.00'],
      ['204', '公共安全支出', '300.00', '120.00'],
    ]);
    expect(table!.rows[0]!.map((c) => [c.rowSpan, c.colSpan])).toEqual([[2, 1], [2, 1], [1, 2]]);
    expect(doc.blocks.map((block) => [block.text, block.kind])).toEqual([
      ['支出总表', 'heading'],
      ['2026年部门支出预算总表', 'heading'],
      ['编制单位：上海市普陀区司法局 单位：元', 'paragraph'],
    ]);
  });

  it('two tables on one sheet, a blank row apart, each with its own lines; a note below goes to `after`', async () => {
    const rows = [...smallTable(), [], ...smallTable(), [{ value: '注：本表无政府性基金。' }]];
    const { doc } = await read({ sheets: [{ name: 'Sheet1', rows }], styles: SMALL_STYLES });
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables.map((t) => t.before)).toEqual([
      ['一般公共预算支出表', '单位：万元'],
      ['一般公共预算支出表', '单位：万元'],
    ]);
    expect(doc.tables[1]!.after).toEqual(['注：本表无政府性基金。']);
    expect(doc.tables.map((t) => t.rows.length)).toEqual([6, 6]);
  });

  it('without borders: the rows with two or more filled cells are the table, the title and unit rows are lines', async () => {
    const rows = smallTable().map((row) => row.map((cell) => (cell ? { ...cell, style: 0 } : cell)));
    const { doc } = await read({ sheets: [{ name: '表5', rows }] });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.before).toEqual(['表5', '一般公共预算支出表', '单位：万元']);
    expect(doc.tables[0]!.rows[1]!.map((c) => c.text)).toEqual(['', '合计', '125.6']);
  });

  it('hidden rows, hidden columns and hidden sheets are skipped; a hidden sheet is named as not checked', async () => {
    const rows = smallTable().map((row) => (row.length === 3 ? [row[0]!, b('隐藏列'), row[1]!, row[2]!] : row));
    rows.splice(4, 0, [b('999'), b(''), b('草稿行'), n(1)]);
    const { doc, notChecked } = await read({
      sheets: [
        { name: '支出表', rows, hiddenRows: [5], hiddenCols: [2] },
        { name: '底稿', rows: smallTable(), state: 'hidden' },
      ],
      styles: SMALL_STYLES,
    });
    expect(doc.tables).toHaveLength(1);
    const cells = texts(doc.tables[0]!.rows).flat();
    expect(cells).not.toContain('隐藏列');
    expect(cells).not.toContain('草稿行');
    expect(notChecked).toEqual([{ what: '工作表「底稿」', reason: '隐藏的工作表（读者看不到），未检查' }]);
  });

  it('a column empty throughout a table (a spacer) is dropped, and spans over it shrink', async () => {
    const rows = headerTable().map((row) => [row[0] ?? null, { value: null }, ...row.slice(1)]);
    const merges = ['A1:E1', 'A3:A4', 'C3:C4', 'D3:E3'];
    const { doc } = await read({ sheets: [{ name: 'x', rows, merges }], styles: SMALL_STYLES });
    expect(doc.tables[0]!.rows[2]!.map((c) => c.text)).toEqual(['', '合计', '300.00', '120.00']);
  });

  it('strings of every kind: shared (rich text, phonetic runs left out, _x000D_ escapes), inline, formula results, booleans', async () => {
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>公共</t></r><r><rPr><b/></rPr><t>安全</t></r><rPh><t>ガ</t></rPh></si><si><t>行政_x000D_运行</t></si></sst>';
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c></row>' +
      '<row r="2"><c r="A2" t="str"><f>A1&amp;"x"</f><v>公式x</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><v>1.5</v></c></row></sheetData></worksheet>';
    const { doc } = await read({ sheets: [{ name: 'x', rows: [] }], rawParts: { 'xl/sharedStrings.xml': sst, 'xl/worksheets/sheet1.xml': sheet } });
    expect(texts(doc.tables[0]!.rows)).toEqual([
      ['公共安全', '行政运行', '内联'],
      ['公式x', 'TRUE', '1.5'],
    ]);
  });

  it('namespace prefixes (x:row, x:c) read the same as plain names', async () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>项目</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>金额</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>合计</x:t></x:is></x:c><x:c r="B2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const { doc } = await read({ sheets: [{ name: 'x', rows: [] }], rawParts: { 'xl/worksheets/sheet1.xml': sheet } });
    expect(texts(doc.tables[0]!.rows)).toEqual([
      ['项目', '金额'],
      ['合计', '3'],
    ]);
  });

  it('a cell whose format rounds a typed amount shows the rounded text and carries the stored value; the check uses it', async () => {
    const rows = smallTable();
    // 合计 shown in whole 元 ("126") while it stores 125.6: the sum holds on the stored values.
    rows[3]![2] = { value: 125.6, style: 4 };
    const extraction = await read({ sheets: [{ name: 'x', rows }], styles: [...SMALL_STYLES, { border: true, format: '#,##0' }] });
    const cell = extraction.doc.tables[0]!.rows[1]![2]!;
    expect([cell.text, cell.exact]).toEqual(['126', '125.6']);
    expect(extraction.rounded).toEqual([{ anchor: cell.anchor, place: { sheet: 0, ref: 'C4' }, shown: '126', stored: '125.6' }]);
    const report = analyse(extraction.doc);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a sum that does not hold is an error with its arithmetic, as for HTML and PDF', async () => {
    const rows = smallTable();
    rows[3]![2] = { value: 125.7, style: 3 };
    const { doc } = await read({ sheets: [{ name: 'x', rows }], styles: SMALL_STYLES });
    const errors = analyse(doc).findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toContain('125.70');
  });

  it('a table on the next sheet is never taken for the rest of the table before it (the engine merges only within a sheet)', async () => {
    const rest = smallTable().slice(3);
    const { doc } = await read({ sheets: [{ name: '表一', rows: smallTable() }, { name: '明细', rows: rest }], styles: SMALL_STYLES });
    expect(doc.tables.map((t) => t.sheet)).toEqual(['表一', '明细']);
    expect(analyse(doc).tables.map((t) => t.rows)).toEqual([6, 5]);
  });

  it('cell places name the sheet and the cell, for the viewer and for messages', async () => {
    const { doc, places } = await read({ sheets: [{ name: '支出总表', rows: headerTable(), merges: HEADER_MERGES }], styles: SMALL_STYLES });
    const table = doc.tables[0]!;
    expect(places.get(table.rows[0]![2]!.anchor)).toEqual({ sheet: 0, ref: 'C3' });
    expect(places.get(table.rows[3]![3]!.anchor)).toEqual({ sheet: 0, ref: 'D6' });
  });
});

describe('what is not a workbook', () => {
  const reason = (bytes: Uint8Array) => extractXlsx(bytes, { source: 'x' }).then(() => 'read', xlsxFailureReason);

  it('a Word document, an OpenDocument sheet, an .xlsb and random bytes each get their own reason', async () => {
    expect(await reason(writeZip([{ name: 'word/document.xml', data: enc.encode('<w:document/>') }]))).toMatch(/Word 文档/);
    expect(await reason(writeZip([{ name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }, { name: 'content.xml', data: enc.encode('<x/>') }]))).toMatch(/\.ods/);
    expect(await reason(writeZip([{ name: 'xl/workbook.bin', data: new Uint8Array(8) }]))).toMatch(/\.xlsb/);
    expect(await reason(enc.encode('<html><body>not a workbook</body></html>'))).toMatch(/不是 Excel 工作簿/);
  });

  it('a part stored without compression is read like a deflated one', async () => {
    const book = writeXlsx({ sheets: [{ name: 'x', rows: smallTable() }], styles: SMALL_STYLES });
    const { doc } = await extractXlsx(book, { source: 'x' });
    expect(doc.tables).toHaveLength(1);
  });
});
