import { describe, expect, it } from 'vitest';
import { documentClaims } from '../../../../lib/engine/narrative/document-claims';
import type { PlacedClaim } from '../../../../lib/engine/narrative/document-claims';
import { completionCheck } from '../../../../lib/engine/checks/text-completion';
import { changeCheck } from '../../../../lib/engine/checks/text-change';
import { sharesCheck } from '../../../../lib/engine/checks/text-shares';
import { enumerationsCheck } from '../../../../lib/engine/checks/text-enumeration';
import { runChecks } from '../../../../lib/engine/checks/runner';
import type { Change } from '../../../../lib/engine/report/schema';
import type { TextBlock } from '../../../../lib/engine/source';
import { contextOf } from '../../../helpers/check';

/** The narrative's own arithmetic: the four text checks that need no table, through the runner. */
function checkNarrative(claims: PlacedClaim[], changes: Change[]) {
  return runChecks([completionCheck, changeCheck, sharesCheck, enumerationsCheck], contextOf({ claims, changes })).outcome;
}

function check(...texts: string[]) {
  const blocks: TextBlock[] = texts.map((text, i) => ({ anchor: `b${i}`, text, kind: 'paragraph', seq: i }));
  const changes: Change[] = [];
  const outcome = checkNarrative(documentClaims(blocks), changes);
  return { outcome, changes, severities: outcome.findings.map((f) => `${f.severity} ${f.rule}`) };
}

describe('narrative arithmetic within the text', () => {
  it('finds 002-03: 决算数“小于”年初预算数 while 26.65 > 25.87, and calls 103.01% a truncation', () => {
    const { severities, outcome } = check('年初预算为25.87万元，支出决算为26.65万元，完成年初预算的103.01%，决算数小于年初预算数的主要原因是人员基数调整。');
    expect(severities).toEqual(['info text.completion', 'error text.direction']);
    expect(outcome.findings[1]!.message).toContain('应为“大于”');
    expect(outcome.findings[1]!.location).toMatchObject({ anchor: 'b0', start: 0 });
  });

  it('reads paragraphs written in full-width digits', () => {
    expect(check('年初预算为２５.８７万元，支出决算为２６.６５万元，完成年初预算的１０３.０１%，决算数小于年初预算数。').severities).toEqual(['info text.completion', 'error text.direction']);
  });

  it('passes a correct completion sentence (002 五(三)1 style)', () => {
    expect(check('年初预算为54.94万元，支出决算为54.59万元，完成年初预算的99.36%，决算数小于年初预算数的主要原因是有人员退休。').severities).toEqual([]);
  });

  it('finds a completion rate that is the difference, not the ratio (金华 2021)', () => {
    const { outcome } = check('年初预算为472.9万元，支出决算为500.12万元，完成年初预算的27.22%。');
    expect(outcome.findings[0]!.severity).toBe('error');
    expect(outcome.findings[0]!.message).toContain('差');
  });

  it('finds 002-04: shares summing to 99.87% and names the 预算数 denominator', () => {
    const { outcome } = check(
      '“三公”经费财政拨款支出预算为8.05万元，支出决算为8.04万元，完成预算的99.87%，其中：',
      '2024年度“三公”经费财政拨款支出决算中，公务接待费支出决算1.05万元，占13.04%，因公出国（境）费支出决算0万元，占0%，公务用车购置费及运行维护费支出决算6.99万元，占86.83%。其中：',
    );
    const sum = outcome.findings.find((f) => f.rule === 'text.share-sum');
    expect(sum).toMatchObject({ severity: 'error', actual: '99.87', expected: '100' });
    expect(sum!.message).toContain('8.05万元');
    expect(outcome.findings.find((f) => f.rule === 'text.completion')?.severity).toBe('info');
  });

  it('passes shares of a stated whole (002 三) and flags a wrong one', () => {
    expect(check('本年支出合计2113.81万元，其中：基本支出1434.27万元，占67.85%；项目支出679.55万元，占32.15%。').severities).toEqual(['info text.enumeration']);
    const wrong = check('本年支出合计2113.81万元，其中：基本支出1434.27万元，占68.85%；项目支出679.55万元，占31.15%。');
    expect(wrong.severities).toContain('error text.share');
  });

  it('finds 001-03: "0 元" inside a 万元 list', () => {
    const { outcome } = check('（二）支出预算：2020 年预算数 1641.88 万元，其中，一般公共服务 1641.88 万元，教育 0 万元，社会保障和就业 0 元，卫生健康支出 0 万元，住房保障 0 万元。');
    expect(outcome.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error text.unit']);
    expect(outcome.findings[0]!.location).toMatchObject({ text: '0 元' });
  });

  it('reports 002-12 (514.47 vs 514.46) as rounding, and parts above their whole as an error', () => {
    expect(check('2024年度政府采购支出总额514.47万元，其中：政府采购货物支出327.08万元、政府采购工程支出1.27万元、政府采购服务支出186.11万元。').severities).toEqual(['info text.enumeration']);
    expect(check('政府采购支出总额514.47万元，其中：货物支出427.08万元、工程支出1.27万元、服务支出186.11万元。').severities).toEqual(['error text.enumeration']);
  });

  it('passes seed 003 year-over-year sentences, confirms them, and records them as stated changes', () => {
    const { severities, changes, outcome } = check(
      '济源产城融合示范区医疗保障局部门2024年收入总计6465.30万元，支出总计6465.30万元，与2023年相比，收、支总计各减少379.10万元，下降5.54%，主要原因：项目预算减少。',
      '部门2024年一般公共预算收支预算5497.60万元，政府性基金收支预算967.70万元。与2023年相比，一般公共预算收支预算减少1140.30万元，下降17.18%；与2023年相比，政府性基金收支预算增加761.20万元，增长368.62%。',
      '济源产城融合示范区医疗保障局部门2024年“三公”经费支出预算为3.20万元。2024年“三公”经费预算数比2023年减少0.90万元，下降21.95%。',
    );
    expect(severities).toEqual([]);
    expect(outcome.confirmed.map((c) => c.rule)).toEqual(['text.change', 'text.change', 'text.change', 'text.change']);
    expect(outcome.confirmed[0]!.message).toContain('5.54%');
    expect(changes.map((c) => [c.previous, c.current, c.delta])).toEqual([
      ['6844.40', '6465.30', '-379.10'],
      ['6637.90', '5497.60', '-1140.30'],
      ['206.50', '967.70', '761.20'],
      ['4.10', '3.20', '-0.90'],
    ]);
  });

  it('takes this year\'s figure from the whole of a finished list, or from an earlier sentence that names it (004, 000)', () => {
    const list = check('本单位当年预算收入 123.98 万元，其中一般公共预算拨款收入 123.98 万元、政府性基金拨款收入 0 万元，较上年减少 69.26 万元。');
    expect(list.changes.map((c) => [c.label, c.previous, c.current])).toEqual([['本单位当年预算收入', '193.24', '123.98']]);
    const named = check('2025 年年初部门收入预算 206.88 万元，其中，一般公共预算拨款 206.88 万元；其他收入 0 万元。收入预算较上年减少 22.31 万元。');
    expect(named.changes.map((c) => [c.previous, c.current])).toEqual([['229.19', '206.88']]);
    const part = check('“三公”经费预算3.20万元，其中：公务接待费1.20万元，比上年增加0.50万元，增长71.43%。');
    expect(part.severities).toEqual([]);
    expect(part.changes.map((c) => c.current)).toEqual(['1.20']);
  });

  it('finds a percentage that does not follow from the amounts, and wording that contradicts itself', () => {
    expect(check('2024年部门预算收入6465.30万元，比上年减少379.10万元，下降6.54%。').severities).toEqual(['error text.change']);
    expect(check('2024年部门预算收入6465.30万元，比上年减少379.10万元，增长5.54%。').severities).toEqual(['error text.change']);
    expect(check('2024年部门预算收入6465.30万元，与上年持平0.50万元。').severities).toEqual(['error text.change']);
  });
});

describe('completion comparison in the next sentence', () => {
  it('checks "决算数大于预算数" that opens the sentence after the amounts (seeded Putuo copy)', () => {
    const blocks: TextBlock[] = [{ anchor: 'b0', kind: 'paragraph', seq: 0, text: '主要用于：基本支出。年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员变化。' }];
    const out = checkNarrative(documentClaims(blocks), []);
    expect(out.findings.map((f) => f.rule)).toEqual(['text.direction']);
    const fine: TextBlock[] = [{ ...blocks[0]!, text: '年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员变化。' }];
    expect(checkNarrative(documentClaims(fine), []).findings).toEqual([]);
  });
});
