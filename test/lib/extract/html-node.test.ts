import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../lib/extract/html';
import { parseHtmlDocument } from '../../../lib/extract/html-node';

const DATA = '<tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>3.00</td></tr><tr><td>甲</td><td>3.00</td></tr>';
const read = (html: string) => extractHtml(parseHtmlDocument(html), { source: 'test.html' }).doc;

describe('parseHtmlDocument: the tree the HTML standard (and Chromium) builds', () => {
  it('moves text written inside <table> before the table, where the unit line belongs', () => {
    const doc = read(`<p>一般公共预算支出表</p><table>单位：万元${DATA}</table>`);
    expect(doc.blocks.map((b) => b.text)).toEqual(['一般公共预算支出表', '单位：万元']);
    expect(doc.tables[0]!.before).toEqual(['一般公共预算支出表', '单位：万元']);
    expect(doc.tables[0]!.rows).toHaveLength(3);
  });

  it('gives a fragment its html, head and body, and reads the title from the head only', () => {
    const doc = read(`<title>部门预算</title><h1>标题</h1><table>${DATA}</table>`);
    expect(doc.title).toBe('部门预算');
    expect(doc.blocks.map((b) => b.text)).toEqual(['标题']);
  });

  it('keeps numbers split over runs whole and header words with inner spaces as written', () => {
    const doc = read(`<table><tr><td>合&nbsp;计</td><td><span>1,0</span><span lang=EN-US>25.50</span><o:p></o:p></td></tr><tr><td>甲</td><td>1</td></tr></table>`);
    expect(doc.tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['合 计', '1,025.50']);
  });

  it('reads attributes case-insensitively and skips hidden cells', () => {
    const doc = read(`<TABLE><TR><TD COLSPAN=2>总计</TD><td hidden>x</td></TR><tr><td style="DISPLAY:none">y</td><td>1</td><td>2</td></tr></TABLE>`);
    expect(doc.tables[0]!.rows.map((r) => r.map((c) => [c.text, c.colSpan]))).toEqual([[['总计', 2]], [['1', 1], ['2', 1]]]);
  });

  it('survives deep nesting without exhausting the stack', () => {
    const deep = `${'<div>'.repeat(20000)}深处${'</div>'.repeat(20000)}<table>${DATA}</table>`;
    const doc = read(deep);
    expect(doc.tables).toHaveLength(1);
    expect(doc.blocks.map((b) => b.text)).toContain('深处');
  });
});
