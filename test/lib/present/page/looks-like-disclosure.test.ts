import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { hasDisclosureKeyword, looksLikeBudgetTable, looksLikeDisclosure } from '../../../../lib/present/page/looks-like-disclosure';
import { readPageSignals } from '../../../../lib/present/page/page-signals';

describe('looksLikeBudgetTable', () => {
  it('accepts budget headers, even spaced out the Word way', () => {
    expect(looksLikeBudgetTable('项目 预算数 合计')).toBe(true);
    expect(looksLikeBudgetTable('科目编码 科目名称 总 计 基本支出 项目支出')).toBe(true);
    expect(looksLikeBudgetTable('合\u3000计  决\u00a0算\u00a0数')).toBe(true);
    expect(looksLikeBudgetTable('单位：万元 部门收支总表')).toBe(true);
    expect(looksLikeBudgetTable('金额单位:元')).toBe(true);
  });
  it('rejects ordinary tables', () => {
    expect(looksLikeBudgetTable('姓名 电话 邮箱')).toBe(false);
    expect(looksLikeBudgetTable('项目 数量')).toBe(false);
    expect(looksLikeBudgetTable('')).toBe(false);
  });
});

describe('hasDisclosureKeyword', () => {
  it('finds the keyword in the title or the text', () => {
    expect(hasDisclosureKeyword('某局2024年部门预算公开', '')).toBe(true);
    expect(hasDisclosureKeyword('通知', '下面是2023年度部门 决算')).toBe(true);
    expect(hasDisclosureKeyword('通知', '“三公”经费')).toBe(true);
    expect(hasDisclosureKeyword('春季花展开幕', '市民公园')).toBe(false);
  });
});

describe('looksLikeDisclosure', () => {
  it('needs both a keyword and a budget-looking table', () => {
    expect(looksLikeDisclosure({ title: '部门预算', text: '', tableHeads: ['项目 预算数 合计'] })).toBe(true);
    expect(looksLikeDisclosure({ title: '部门预算', text: '', tableHeads: [] })).toBe(false);
    expect(looksLikeDisclosure({ title: '花展', text: '', tableHeads: ['项目 预算数 合计'] })).toBe(false);
  });

  it('reads the signals from a document', () => {
    const { document } = parseHTML(`<html><head><title>荷塘区医保局2020年部门预算</title></head><body>
      <p>单位：万元</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1</td></tr></table>
      <table><tr><td>姓名</td><td>电话</td></tr></table></body></html>`);
    const signals = readPageSignals(document);
    expect(signals.title).toContain('部门预算');
    expect(signals.tableHeads).toHaveLength(2);
    expect(looksLikeDisclosure(signals)).toBe(true);
  });

  it('leaves a news page alone', () => {
    const { document } = parseHTML(`<html><head><title>春季花展开幕</title></head><body><p>市民公园</p>
      <table><tr><td>项目</td><td>数量</td></tr><tr><td>合计</td><td>30</td></tr></table></body></html>`);
    expect(looksLikeDisclosure(readPageSignals(document))).toBe(false);
  });

  it('stays fast and bounded on a huge page', () => {
    const rows = '<tr><td>合计</td><td>1</td></tr>'.repeat(2000);
    const { document } = parseHTML(`<html><head><title>部门决算</title></head><body>${'<table>' + rows + '</table>'.repeat(1)}${'<table><tr><td>x</td></tr></table>'.repeat(200)}</body></html>`);
    const started = performance.now();
    const signals = readPageSignals(document);
    expect(signals.text.length).toBeLessThanOrEqual(6000);
    expect(signals.tableHeads.length).toBeLessThanOrEqual(40);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
