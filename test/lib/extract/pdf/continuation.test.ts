import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../../../../lib/engine/analyse';
import { expandGrid } from '../../../../lib/engine/table/grid';
import type { SourceDocument, SourceTable } from '../../../../lib/engine/source';
import { joinPages, separatePages } from '../../../../lib/extract/pdf/continuation';
import type { LaidTable, PageLayout, TextLine } from '../../../../lib/extract/pdf/page-layout';
import { codedTable, procurementTable, summaryTable } from '../../../../scripts/fixtures/break-tables';
import { pagedTablePages, pagedTablePdf, type PageBreaks, type SpecCell, type TableSpec } from '../../../../scripts/fixtures/paged-table';
import { writePdf } from '../../../../scripts/fixtures/pdf-writer';
import { extractBytes } from '../../../support/extract-pdf';

/**
 * The layouts of issue 9, each seen in a real disclosure, as generated PDFs: how a table continued
 * over a page break is put back together, what the join records (seams, doubts), and that the
 * analysis then finds nothing the document does not have.
 */

async function read(spec: TableSpec, breaks: PageBreaks): Promise<SourceDocument> {
  return (await extractBytes(pagedTablePdf(spec, breaks))).doc;
}

const grid = (table: SourceTable) => expandGrid(table.rows).cells.map((row) => row.map((cell) => cell.text));
const rowOf = (table: SourceTable, first: string) => grid(table).find((row) => row.includes(first));

function errors(doc: SourceDocument): string[] {
  return analyseDocument(doc).report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
}

describe('layouts of tables continued over a page break', () => {
  it('Word 2007: the continued rows have no rule above them; the grid is closed where the column rules end', async () => {
    const doc = await read(summaryTable(), { at: [18], openTop: true });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.seams).toEqual([{ row: 18, page: 2, certain: true }]);
    expect(rowOf(doc.tables[0]!, '十七、国土海洋气象等支出')).toBeDefined();
    expect(errors(doc)).toEqual([]);
  });

  it('a one-row piece alone on the next page joins the table (30312 提租补贴 1,018.01)', async () => {
    const spec: TableSpec = { ...codedTable(8), title: '一般公共预算基本支出表' };
    spec.rows.push([{ text: '30312' }, { text: '提租补贴' }, { text: '1,018.01' }, { text: '1,018.01' }, { text: '0.00' }]);
    const doc = await read(spec, { at: [spec.rows.length - 1], openTop: true });
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!).at(-1)).toEqual(['30312', '提租补贴', '1,018.01', '1,018.01', '0.00']);
  });

  it('a three-row tail drawn with 4 columns where the table has 6: amounts land by the x of their borders', async () => {
    const spec = summaryTable();
    const doc = await read(spec, { at: [spec.rows.length - 3], openTop: true });
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0]!;
    expect(table.seams).toEqual([{ row: spec.rows.length - 3, page: 2, certain: true }]);
    expect(rowOf(table, '当年收入小计')).toEqual(['当年收入小计', '33,172.15', '当年支出小计', '当年支出小计', '当年支出小计', '33,172.15']);
    expect(rowOf(table, '收入合计')).toEqual(['收入合计', '33,172.15', '支出合计', '支出合计', '支出合计', '33,172.15']);
    expect(errors(doc)).toEqual([]);
  });

  it('Excel print titles: the title, unit line and header repeated on the next page are not a new table', async () => {
    const spec = codedTable(20);
    const doc = await read(spec, { at: [12], repeatTitle: true });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows).toHaveLength(spec.rows.length);
    expect(errors(doc)).toEqual([]);
  });

  it('WPS 表格 prints the header again: the repeated header rows leave the body', async () => {
    const spec = codedTable(20);
    const doc = await read(spec, { at: [12], repeatHeader: true });
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!).filter((row) => row[0] === '科目编码')).toHaveLength(1);
    expect(errors(doc)).toEqual([]);
  });

  it('a label cut by the break is rejoined: "八、社会保障和就" / "业支出", "十七、…支" / "出", "当年收入" / "小计"', async () => {
    const spec = summaryTable();
    const label = (text: string) => spec.rows.findIndex((row) => row.some((cell) => cell.text === text));
    for (const [text, keep] of [['八、社会保障和就业支出', 1], ['十七、国土海洋气象等支出', 1], ['当年收入小计', 1]] as const) {
      const at = label(text) + 1;
      for (const amountsBelow of [false, true]) {
        const doc = await read(spec, { at: [at], split: keep, amountsBelow, openTop: amountsBelow });
        expect(doc.tables, text).toHaveLength(1);
        const table = doc.tables[0]!;
        expect(table.rows, text).toHaveLength(spec.rows.length);
        expect(rowOf(table, text), `${text} amounts ${amountsBelow ? 'below' : 'above'}`).toBeDefined();
        expect(table.seams, text).toEqual([{ row: at - 1, page: 2, certain: true }]);
      }
    }
  });

  it('a cell’s tail on the next page stays with its cell ("信息网络及软件购" / "置更新")', async () => {
    const spec = procurementTable();
    const at = spec.rows.findIndex((row) => row.some((cell) => cell.text === '信息网络及软件购置更新')) + 1;
    const doc = await read(spec, { at: [at], split: 1 });
    expect(doc.tables).toHaveLength(1);
    expect(rowOf(doc.tables[0]!, '信息网络及软件购置更新')).toEqual(['', '信息网络建设维护费', '信息网络及软件购置更新', '', '', '676.00']);
  });

  it('page furniture between the pieces: a running header with the page number, "第N页，共M页" at the foot', async () => {
    const spec = codedTable(20);
    const doc = await read(spec, { at: [12], openTop: true, running: '江苏省高级人民法院2018年度部门预算  #', pageMark: '第#页，共4页', pagesBefore: [['一、部门职责'], ['二、机构设置']] });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.seams).toEqual([{ row: 12, page: 4, certain: true }]);
  });

  it('a continuation under "续表1" or a unit line alone, and a repeated header without the title row of the grid', async () => {
    const spec = codedTable(16);
    for (const continuedLines of [['续表1'], ['单位：元'], ['（续表）', '金额单位：元']]) {
      const doc = await read(spec, { at: [10], repeatHeader: true, continuedLines });
      expect(doc.tables, continuedLines.join()).toHaveLength(1);
      expect(doc.tables[0]!.rows, continuedLines.join()).toHaveLength(spec.rows.length);
    }
    const titled: TableSpec = { ...spec, title: '', meta: [], rows: [[{ text: '2026年部门支出功能分类预算表', colSpan: 5 }], ...spec.rows], header: 3 };
    const doc = await read(titled, { at: [12], repeatHeader: true, repeatFrom: 1 });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows).toHaveLength(titled.rows.length);
  });

  it('a table split in two on one page, the second part under a repeated header, is one table', async () => {
    const spec = codedTable(12);
    const pdf = pagedTablePdf(spec, { at: [8], repeatHeader: true });
    const { doc } = await extractBytes(pdf);
    expect(doc.tables).toHaveLength(1);
  });
});

describe('what the join records', () => {
  it('seams survive into the table model', async () => {
    const doc = await read(codedTable(20), { at: [10, 16], openTop: true });
    const [model] = analyseDocument(doc).tables;
    expect(model!.seams).toEqual([
      { row: 10, page: 2, certain: true },
      { row: 16, page: 3, certain: true },
    ]);
  });

  it('a continuation whose columns only partly line up is joined, with a doubt in plain Chinese', async () => {
    const spec = codedTable(14);
    // The last two columns re-divided on the next page: half the inner borders still match.
    const doc = await read(spec, { at: [9], widthsAfter: [70, 120, 95, 115, 75] });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.seams).toEqual([{ row: 9, page: 2, certain: false, doubt: expect.stringMatching(/未能完全对齐/) }]);
  });

  it('an untitled table at the top of the next page whose columns do not line up is kept apart and says why', async () => {
    const doc = await read(codedTable(14), { at: [9], widthsAfter: [40, 60, 150, 150, 75] });
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[1]!.doubts).toEqual([{ reason: expect.stringMatching(/可能接续上一页的表格/) }]);
  });

  it('a row drawn outside the rules at the top of the next page is read into the table, the seam doubtful', async () => {
    const spec = codedTable(14);
    const doc = await read(spec, { at: [9], looseFirst: true });
    expect(doc.tables).toHaveLength(1);
    expect(grid(doc.tables[0]!)).toHaveLength(spec.rows.length);
    expect(rowOf(doc.tables[0]!, String(2040500 + 6))).toBeDefined();
    expect(doc.tables[0]!.seams).toEqual([{ row: 9, page: 2, certain: false, doubt: expect.stringMatching(/不在表格线内/) }]);
  });

  it('a line of figures between the pieces is a row that fell outside the rules, never page furniture', async () => {
    const doc = await read(codedTable(14), { at: [9], continuedLines: ['1,234.56'] });
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.seams).toEqual([{ row: 9, page: 2, certain: false, doubt: expect.stringMatching(/不在表格线内/) }]);
    expect(grid(doc.tables[0]!).some((row) => row.includes('1,234.56'))).toBe(true);
  });

  it('a table whose title is a row of its own grid (Word) does not continue the table before it', async () => {
    const first = codedTable(8);
    const titled = codedTable(6);
    const second: TableSpec = { ...titled, title: '', meta: [], rows: [[{ text: '一般公共预算基本支出表', colSpan: 5 }], ...titled.rows], header: 3 };
    const { doc } = await extractBytes(writePdf([...pagedTablePages(first), ...pagedTablePages(second)]));
    expect(doc.tables).toHaveLength(2);
    expect(grid(doc.tables[1]!)[0]![0]).toBe('一般公共预算基本支出表');
    expect(doc.tables[1]!.doubts).toBeUndefined();
  });

  it('a table under its own title on the next page is a table of its own, without a doubt', async () => {
    const first = codedTable(8);
    const second = { ...codedTable(6), title: '2026年部门一般公共预算基本支出表' };
    const { doc } = await extractBytes(writePdf([...pagedTablePages(first), ...pagedTablePages(second)]));
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables.map((t) => [t.seams, t.doubts])).toEqual([[undefined, undefined], [undefined, undefined]]);
  });
});

describe('titles and identity', () => {
  it('a title wrapped over two lines is read whole, and the kind comes from all of it', async () => {
    const rows: SpecCell[][] = [
      [{ text: '合计' }, { text: '因公出国（境）费' }, { text: '公务用车购置及运行费' }, { text: '公务接待费' }],
      [{ text: '12.30' }, { text: '2.00' }, { text: '8.30' }, { text: '2.00' }],
    ];
    const spec: TableSpec = { title: '2018年度江苏省高级人民法院一般公共预算“三公”经费支出预\n算表', meta: ['单位：万元'], rows, header: 1, widths: [100, 120, 140, 100] };
    const { tables } = analyseDocument(await read(spec, { at: [] }));
    expect(tables[0]!.title).toBe('2018年度江苏省高级人民法院一般公共预算“三公”经费支出预算表');
    expect(tables[0]!.kind).toBe('three-public');
  });

  it('names the department from 预算单位 on the cover and from a meta line with a wide gap', async () => {
    const cover = { ...codedTable(4), title: '2026年部门一般公共预算支出功能分类预算表' };
    const unit = await read(cover, { at: [], pagesBefore: [['上海市普陀区2026年区级单位预算', '预算单位：上海市普陀区司法局']] });
    expect(analyseDocument(unit).report.document).toMatchObject({ department: '上海市普陀区司法局', year: 2026, kind: 'budget' });
    const gap = await read({ ...cover, title: '2018年收支预算总表', meta: ['部门：          江苏省高级人民法院          单位：万元'] }, { at: [] });
    expect(analyseDocument(gap).report.document.department).toBe('江苏省高级人民法院');
  });
});

describe('malformed page breaks', () => {
  const line = (top: number, text: string, x0 = 50): TextLine => ({ text, size: 9, x0, x1: x0 + 9 * text.length, top, bottom: top + 9, parts: [{ start: 0, end: text.length, box: { x0, x1: x0 + 9 * text.length, top, bottom: top + 9 } }] });

  function randomTable(seed: number): LaidTable {
    let x = seed;
    const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 1000) / 1000;
    const cols = 1 + Math.floor(next() * 6);
    const rows = Math.floor(next() * 5);
    const xs = Array.from({ length: cols + 1 }, (_, i) => 50 + i * (30 + next() * 60));
    const cells = Array.from({ length: rows * cols }, (_, i) => ({
      row: Math.floor(i / cols),
      col: i % cols,
      rowSpan: next() < 0.1 ? 3 : 1,
      colSpan: next() < 0.1 ? 2 : 1,
      text: next() < 0.3 ? '' : next() < 0.5 ? String(Math.floor(next() * 1e6)) : '项目',
      x0: xs[i % cols]!,
      x1: xs[Math.min(cols, (i % cols) + 1)]!,
      top: 100 + Math.floor(i / cols) * 20,
      bottom: 120 + Math.floor(i / cols) * 20,
      ...(next() < 0.5 ? { open: true } : {}),
    }));
    // A one-row frame carries its own text as lines, for when it joins nothing.
    const fragment = next() < 0.2 ? { fragment: cells.filter((c) => c.text).map((c) => line(c.top, c.text, c.x0)) } : {};
    return { x0: xs[0]!, x1: xs[cols]!, top: 100, bottom: 100 + rows * 20, rows, cols, cells, xs, ruled: next() < 0.8, ...fragment };
  }

  it('the fallback when joining fails keeps every table apart and frames as text', () => {
    const table = randomTable(5);
    const frame: LaidTable = { ...randomTable(9), fragment: [line(300, '合计 12.00')] };
    const [page] = separatePages([{ tables: [table, frame], lines: [line(40, '标题')] }]);
    expect(page!.tables).toHaveLength(1);
    expect(page!.lines.map((l) => l.text)).toEqual(['标题', '合计 12.00']);
  });

  it('never throws on arbitrary pieces, and no text goes missing', () => {
    for (let seed = 1; seed < 400; seed += 1) {
      const pages: PageLayout[] = Array.from({ length: 4 }, (_, p) => ({
        tables: seed % 7 === p ? [] : [randomTable(seed * 10 + p), ...(seed % 3 ? [] : [randomTable(seed * 31 + p)])],
        lines: seed % 5 === p ? [line(40, '续表'), line(700, '12 3,456.00', 60)] : [],
      }));
      const joined = joinPages(pages);
      const texts = new Set<string>();
      for (const page of joined) {
        for (const table of page.tables) for (const cell of table.cells) texts.add(cell.text);
        for (const l of page.lines) texts.add(l.text);
      }
      const all = [...texts].join('|');
      for (const page of pages) {
        for (const table of page.tables) for (const cell of table.cells) if (cell.text) expect(all.includes(cell.text), `seed ${seed}: ${cell.text}`).toBe(true);
        for (const l of page.lines) expect(all.includes(l.text), `seed ${seed}: ${l.text}`).toBe(true);
      }
      for (const page of joined) for (const table of page.tables) for (const cell of table.cells) expect(cell.col + cell.colSpan, `seed ${seed}`).toBeLessThanOrEqual(table.cols);
    }
  });
});
