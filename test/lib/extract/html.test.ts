import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../lib/extract/html';
import { parseColSpan, parseRowSpan } from '../../../lib/extract/html-table';

function page(body: string, head = ''): Document {
  const { document } = parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
  return document as unknown as Document;
}

function extract(body: string, head = '') {
  return extractHtml(page(body, head), { source: 'test.html' });
}

const texts = (rows: { text: string }[][]) => rows.map((row) => row.map((cell) => cell.text));

describe('extractHtml: tables', () => {
  it('reads cells with their spans and header markup', () => {
    const { doc } = extract(`
      <table>
        <thead><tr><td rowspan="2">科目</td><td colspan="2">本年支出</td></tr><tr><td>基本</td><td>项目</td></tr></thead>
        <tbody><tr><th>合计</th><td>3.00</td><td>4.00</td></tr></tbody>
      </table>`);
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0]!;
    expect(texts(table.rows)).toEqual([['科目', '本年支出'], ['基本', '项目'], ['合计', '3.00', '4.00']]);
    expect(table.rows[0]!.map((c) => [c.rowSpan, c.colSpan])).toEqual([[2, 1], [1, 2]]);
    expect(table.rows.map((row) => row.map((c) => c.headerMarkup))).toEqual([
      [true, true],
      [true, true],
      [true, false, false],
    ]);
    expect(table.rows[2]![1]!.anchor).toBe('t0.r2.c1');
  });

  it('parses spans defensively', () => {
    expect(parseRowSpan('99999', 4)).toBe(4);
    expect(parseRowSpan('abc', 4)).toBe(1);
    expect(parseRowSpan('-2', 4)).toBe(1);
    expect(parseRowSpan('0', 3)).toBe(3);
    expect(parseRowSpan('2px', 9)).toBe(2);
    expect(parseRowSpan('99999', 5000)).toBe(1000);
    expect(parseRowSpan(null, 4)).toBe(1);
    expect(parseRowSpan('1'.repeat(400), 4)).toBe(4);
    expect(parseColSpan('500')).toBe(200);
    expect(parseColSpan('0')).toBe(1);
    expect(parseColSpan(' 3 ')).toBe(3);
    expect(parseColSpan('x')).toBe(1);
  });

  it('clamps hostile spans to the rows that exist, and rowspan=0 to the end of its section', () => {
    const { doc } = extract(`
      <table>
        <thead><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr></thead>
        <tbody><tr><td rowspan="99999" colspan="99999">x</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>
      </table>`);
    const rows = doc.tables[0]!.rows;
    expect(rows[0]![0]!.rowSpan).toBe(2);
    expect(rows[2]![0]!.rowSpan).toBe(3);
    expect(rows[2]![0]!.colSpan).toBe(200);
  });

  it('joins Word spans without a space, collapses &nbsp; and keeps full-width characters', () => {
    const { doc } = extract(`
      <table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>
        <tr><td width=200><p class=MsoNormal><span lang=EN-US>项&nbsp;&nbsp;目</span><o:p></o:p></p></td>
            <td><p class=MsoNormal align=right><span lang=EN-US>金额</span></p></td></tr>
        <tr><td><p class=MsoNormal><span style='font-family:宋体'>行政</span><span>运行</span></p></td>
            <td><p class=MsoNormal align=right><span lang=EN-US>1,0</span><span lang=EN-US>25.50<o:p></o:p></span></p></td></tr>
        <tr><td><p class=MsoNormal>第一行</p><p class=MsoNormal>第二行</p></td>
            <td>１２３．４５<br>&nbsp;</td></tr>
      </table>`);
    expect(texts(doc.tables[0]!.rows)).toEqual([
      ['项 目', '金额'],
      ['行政运行', '1,025.50'],
      ['第一行 第二行', '１２３．４５'],
    ]);
  });

  it('leaves out hidden elements, scripts and our own overlay', () => {
    const { doc } = extract(`
      <p hidden>隐藏段落</p><p style="display: none">也隐藏</p>
      <script>var x = "脚本"</script><style>p{}</style><noscript>请开启脚本</noscript>
      <budget-lens-overlay><p>浮层文字</p><table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table></budget-lens-overlay>
      <p>可见<span style="visibility:hidden">看不见</span>文字</p>
      <table>
        <tr><td>项目</td><td>金额</td><td style="display:none">暗列</td></tr>
        <tr style="display:none"><td>暗行</td><td>9</td></tr>
        <tr><td>合计<span style="display:none">7</span></td><td>1<span hidden>9</span>0</td></tr>
      </table>
      <template><table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table></template>`);
    expect(doc.blocks.map((b) => b.text)).toEqual(['可见文字']);
    expect(doc.tables).toHaveLength(1);
    expect(texts(doc.tables[0]!.rows)).toEqual([['项目', '金额'], ['合计', '10']]);
    expect(doc.tables[0]!.anchor).toBe('t0');
  });

  it('keeps the innermost data tables of a layout table and reads the layout cells as text', () => {
    const { doc, elements } = extract(`
      <table class="layout"><tr><td>
        <table><tr><td>部门收支总表</td></tr><tr><td>单位：万元</td></tr></table>
        <table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1</td></tr></table>
      </td><td>
        <div><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></div>
      </td></tr></table>`);
    expect(doc.tables.map((t) => texts(t.rows)[0])).toEqual([['项目', '金额'], ['a', 'b']]);
    expect(doc.tables[0]!.before).toEqual(['部门收支总表', '单位：万元']);
    expect(elements.get('t0')!.textContent).toContain('合计');
    expect(doc.blocks.map((b) => b.text)).toEqual(['部门收支总表', '单位：万元']);
  });

  it('treats tables smaller than 2 × 2 as text', () => {
    const { doc } = extract(`
      <table><tr><td><b>一般公共预算“三公”经费支出表</b></td></tr></table>
      <table><tr><td>单位：元</td><td></td></tr></table>
      <table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1</td></tr></table>`);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.before).toEqual(['一般公共预算“三公”经费支出表', '单位：元']);
    expect(doc.blocks[0]!.kind).toBe('heading');
  });

  it('reads the caption', () => {
    const { doc } = extract(`<table><caption>收入总表<br>单位：万元</caption><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>`);
    expect(doc.tables[0]!.caption).toBe('收入总表 单位：万元');
    expect(doc.blocks).toEqual([]);
  });
});

describe('extractHtml: text around tables', () => {
  const grid = '<table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1</td></tr></table>';

  it('gives each table up to 6 lines before (nearest last) and 3 after, never across another table', () => {
    const { doc } = extract(`
      <p>一</p><p>二</p><p>三</p><p>四</p><p>五</p><p>六</p><p>七</p>
      <p>2024年部门收支总表<br>公开01表<br>单位：万元</p>
      ${grid}
      <p>注：本表无数据</p><p>后二</p><p>后三</p><p>后四</p>
      ${grid}
      ${grid}
      <div>尾注</div>`);
    const [first, second, third] = doc.tables;
    expect(first!.before).toEqual(['五', '六', '七', '2024年部门收支总表', '公开01表', '单位：万元']);
    expect(first!.after).toEqual(['注：本表无数据', '后二', '后三']);
    expect(second!.before).toEqual(['注：本表无数据', '后二', '后三', '后四']);
    expect(second!.after).toEqual([]);
    expect(third!.before).toEqual([]);
    expect(third!.after).toEqual(['尾注']);
  });

  it('numbers tables and blocks in one reading order', () => {
    const { doc } = extract(`<h2>标题</h2>${grid}<p>中间</p>${grid}<p>末尾</p>`);
    const order = [...doc.tables.map((t) => [t.seq, t.anchor]), ...doc.blocks.map((b) => [b.seq, b.text])]
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map((item) => item[1]);
    expect(order).toEqual(['标题', 't0', '中间', 't1', '末尾']);
  });

  it('tells headings from paragraphs', () => {
    const { doc } = extract(`
      <h1>某某局2024年部门预算</h1>
      <h3><span>第一部分</span> 部门概况</h3>
      <p><strong>一、部门收支总体情况</strong></p>
      <div><b>二、</b><b>收入预算情况</b></div>
      <p style="font-weight:bold">三、支出预算情况</p>
      <p><b>收入预算 1,234.56 万元，</b>比上年增加 12.00 万元。</p>
      <p><strong>${'很长的加粗句子'.repeat(10)}</strong></p>
      <ul><li><b>列表加粗</b></li><li>列表项</li></ul>
      <div>正文<div>内层</div>尾巴</div>`);
    expect(doc.blocks.map((b) => [b.text.slice(0, 12), b.kind])).toEqual([
      ['某某局2024年部门预算', 'heading'],
      ['第一部分 部门概况', 'heading'],
      ['一、部门收支总体情况', 'heading'],
      ['二、收入预算情况', 'heading'],
      ['三、支出预算情况', 'heading'],
      ['收入预算 1,234.5', 'paragraph'],
      ['很长的加粗句子很长的加粗', 'paragraph'],
      ['列表加粗', 'paragraph'],
      ['列表项', 'paragraph'],
      ['正文', 'paragraph'],
      ['内层', 'paragraph'],
      ['尾巴', 'paragraph'],
    ]);
  });

  it('takes the title from <title>, else the first h1', () => {
    expect(extract('<h1>一级标题</h1>', '<title> 页面\n标题 </title>').doc.title).toBe('页面 标题');
    expect(extract('<h1>一级 <span>标题</span></h1><h1>第二个</h1>').doc.title).toBe('一级 标题');
    expect(extract('<p>无标题</p>').doc.title).toBe('');
  });
});

describe('extractHtml: anchors and robustness', () => {
  it('maps every anchor back to its element', () => {
    const { doc, elements } = extract(`
      <p id="p1">单位：万元</p>
      <table id="tab"><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td id="target"><span>1,0</span><span>00</span></td></tr></table>
      <div id="d1">说明<br>第二行</div>`);
    const anchors = [
      ...doc.tables.map((t) => t.anchor),
      ...doc.tables.flatMap((t) => t.rows.flat().map((c) => c.anchor)),
      ...doc.blocks.map((b) => b.anchor),
    ];
    expect(new Set(elements.keys())).toEqual(new Set(anchors));
    expect(elements.get('t0')!.id).toBe('tab');
    expect(elements.get('t0.r1.c1')!.id).toBe('target');
    expect(elements.get('b0')!.id).toBe('p1');
    expect(doc.blocks.map((b) => [b.anchor, b.text])).toEqual([['b0', '单位：万元'], ['b1', '说明'], ['b2', '第二行']]);
    expect(elements.get('b1')!.id).toBe('d1');
    expect(elements.get('b2')!.id).toBe('d1');
  });

  it('extracts from an element as root, and from a fragment linkedom leaves loose', () => {
    const document = page('<p>外面</p><section id="s"><p>单位：元</p><table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table></section>');
    const { doc } = extractHtml(document.getElementById('s')!, { source: 'x' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['单位：元']);
    expect(doc.tables[0]!.before).toEqual(['单位：元']);

    const loose = parseHTML('<p>前言</p><table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table><p>后记</p>').document;
    const fragment = extractHtml(loose as unknown as Document, { source: 'x' }).doc;
    expect(fragment.tables).toHaveLength(1);
    expect(fragment.tables[0]!.after).toEqual(['后记']);
  });

  it('survives deeply nested markup without recursion', () => {
    const depth = 20_000;
    const { doc } = extract(`${'<div>'.repeat(depth)}深处<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>${'</div>'.repeat(depth)}`);
    expect(doc.blocks.map((b) => b.text)).toEqual(['深处']);
    expect(doc.tables).toHaveLength(1);
  });

  it('survives nested layout tables many levels deep', () => {
    const depth = 300;
    const html = `${'<table><tr><td>'.repeat(depth)}<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>${'</td></tr></table>'.repeat(depth)}`;
    const { doc } = extract(html);
    expect(doc.tables).toHaveLength(1);
  });

  it('extracts a 5,000-row table quickly', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<tr><td>2080${i}</td><td>项目${i}</td><td>${i}.00</td><td>${i}.50</td><td>1.00</td></tr>`).join('');
    const document = page(`<p>单位：万元</p><table><thead><tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr></thead><tbody>${rows}</tbody></table>`);
    extractHtml(document, { source: 'warm-up' });
    const started = performance.now();
    const { doc, elements } = extractHtml(document, { source: 'big' });
    const millis = performance.now() - started;
    expect(doc.tables[0]!.rows).toHaveLength(5001);
    expect(elements.size).toBe(1 + 5001 * 5 + 1);
    // linkedom is several times slower than Chromium's DOM; the budget here is generous for CI.
    expect(millis).toBeLessThan(1000);
  });

  it('extracts a 23-table page in a few milliseconds', () => {
    const one = (i: number) =>
      `<p><b>公开${i}表 表${i}</b></p><p>单位：万元</p><table><tr><td rowspan=2>项目</td><td colspan=3>金额</td></tr><tr><td>合计</td><td>基本</td><td>项目</td></tr>${Array.from({ length: 20 }, (_, r) => `<tr><td>行${r}</td><td>${r}.00</td><td>${r}.00</td><td>0</td></tr>`).join('')}</table>`;
    const document = page(Array.from({ length: 23 }, (_, i) => one(i + 1)).join('\n'));
    extractHtml(document, { source: 'warm-up' });
    const started = performance.now();
    const { doc } = extractHtml(document, { source: 'page' });
    const millis = performance.now() - started;
    expect(doc.tables).toHaveLength(23);
    expect(doc.tables[22]!.before).toEqual(['公开23表 表23', '单位：万元']);
    expect(millis).toBeLessThan(100);
  });
});
