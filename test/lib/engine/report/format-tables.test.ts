import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../../../lib/engine/analyse';
import {
  csvField,
  csvFileName,
  dumpTables,
  formatTablesCsv,
  formatTablesJson,
  formatTablesMarkdown,
  pagesText,
  tableCsv,
} from '../../../../lib/engine/report/format-tables';
import type { SourceTable } from '../../../../lib/engine/source';
import { table } from '../../../helpers/tables';

/** A 支出总表 printed over two pages: the second piece repeats the header and is merged into the first. */
function twoPageDocument(): { source: string; title: string; tables: SourceTable[]; blocks: [] } {
  const header = ['科目编码', '科目名称', '合计'];
  const first = table([header, ['201', '一般公共服务支出', '10.00'], ['20101', '人大事务', '4.00']], { anchor: 't0', before: ['支出预算总表', '单位：万元'] });
  const second = table([header, ['20102', '政协事务', '6.00'], ['合计', '合计@c1', '10.00']], { anchor: 't1', before: ['续表'] });
  return {
    source: 'budget.pdf',
    title: '测试部门2024年部门预算',
    tables: [
      { ...first, page: 3, seq: 0 },
      { ...second, page: 4, seq: 1 },
    ],
    blocks: [],
  };
}

describe('dumpTables', () => {
  it('dumps the merged table the checks read, with every page it is printed on', () => {
    const doc = twoPageDocument();
    const dump = dumpTables(doc.source, analyseDocument(doc).tables, doc.tables);
    expect(dump.tables).toHaveLength(1);
    const [only] = dump.tables;
    expect(only!.pages).toEqual([3, 4]);
    expect(only!.unit).toBe('万元');
    expect(only!.headerRows).toBe(1);
    // The repeated header row stays in the grid: the dump shows the rows as the model holds them.
    expect(only!.rows.map((row) => row[1])).toEqual(['科目名称', '一般公共服务支出', '人大事务', '科目名称', '政协事务', '合计']);
  });

  it('writes spanned positions with their origin text, as the expanded grid holds them', () => {
    const doc = { source: 'page.html', title: 't', tables: [table([['项目@c2', '金额'], ['一', '二', '1.00']])], blocks: [] };
    const [only] = dumpTables(doc.source, analyseDocument(doc).tables, doc.tables).tables;
    expect(only!.rows[0]).toEqual(['项目', '项目', '金额']);
    expect(only!.pages).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas, leaving signed amounts numbers', () => {
    expect(csvField('1,234.00')).toBe('"1,234.00"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+A1')).toBe("'+A1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('')).toBe('');
  });

  it('writes one block per table with a "#" heading, CRLF line ends', () => {
    const doc = twoPageDocument();
    const csv = formatTablesCsv(dumpTables(doc.source, analyseDocument(doc).tables, doc.tables));
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^# t0 《.*支出预算总表》$/);
    expect(lines[1]).toContain('第 3–4 页');
    expect(lines[2]).toBe('科目编码,科目名称,合计');
    expect(lines).toContain('201,一般公共服务支出,10.00');
  });

  it('names one file per table safely', () => {
    const base = { id: 't3', kind: 'unknown', unit: null, pages: [], headerRows: 0, rows: [] };
    expect(csvFileName({ ...base, title: '财政拨款/收支:预算*总表' })).toBe('t3-财政拨款收支预算总表.csv');
    expect(csvFileName({ ...base, title: '' })).toBe('t3.csv');
    expect(csvFileName({ ...base, title: '../..' })).toBe('t3.csv');
    expect(tableCsv({ ...base, title: '', rows: [['a', 'b']] })).toBe('a,b\r\n');
  });
});

describe('JSON and Markdown', () => {
  it('JSON is one document with every table', () => {
    const doc = twoPageDocument();
    const parsed = JSON.parse(formatTablesJson(dumpTables(doc.source, analyseDocument(doc).tables, doc.tables))) as { schema: string; tables: { rows: string[][] }[] };
    expect(parsed.schema).toBe('budget-lens/tables@1');
    expect(parsed.tables[0]!.rows).toHaveLength(6);
  });

  it('Markdown escapes pipes and markup in cells', () => {
    const doc = { source: 'page.html', title: 't', tables: [table([['项目', '金额'], ['a|b', '<script>']])], blocks: [] };
    const md = formatTablesMarkdown(dumpTables(doc.source, analyseDocument(doc).tables, doc.tables));
    expect(md).toContain('| a\\|b | &lt;script&gt; |');
    expect(md).not.toContain('<script>');
  });

  it('says pages the way people read them', () => {
    expect(pagesText([])).toBe('');
    expect(pagesText([5])).toBe('第 5 页');
    expect(pagesText([5, 6, 7])).toBe('第 5–7 页');
    expect(pagesText([5, 7])).toBe('第 5、7 页');
  });
});
