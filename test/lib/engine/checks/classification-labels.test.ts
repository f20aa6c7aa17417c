import { describe, expect, it } from 'vitest';
import { checkClassificationLabels } from '../../../../lib/engine/checks/classification-labels';
import { codeName, codesNamed, nameFits } from '../../../../lib/engine/document/classification-names';
import { table, tsv } from '../../../helpers/tables';
import { modelOf } from '../../../helpers/check';
import { categoryOf } from '../../../../lib/engine/checks/catalogue';

const wan = { before: ['单位：万元'] };
const block = (text: string) => ({ anchor: 'b1', text, kind: 'paragraph' as const, seq: 1 });

describe('classification name dictionary', () => {
  it('knows 类 and 款 of the three classifications, with the renamed old names', () => {
    expect(codeName('210')?.name).toBe('卫生健康支出');
    expect(nameFits(codeName('210')!, '医疗卫生与计划生育支出')).toBe(true);
    expect(codeName('21015')?.name).toBe('医疗保障管理事务');
    expect(codeName('30213')?.name).toBe('维修(护)费');
    expect(codeName('509')?.name).toBe('对个人和家庭的补助');
    expect(codesNamed('社会福利和救助').map((e) => e.code)).toEqual(['50901']);
    expect(codesNamed('卫生健康').map((e) => e.code)).toEqual(['210']);
  });
});

describe('code ↔ name labels (C-02)', () => {
  it('warns on a 类 code printed with another 类\'s name', () => {
    const model = modelOf(table(tsv(`科目编码\t科目名称\t合计\n\t合计\t10.00\n209\t卫生健康支出\t10.00\n20903\t基本医疗保险统筹基金\t10.00`), wan), 'expense-summary', '支出总表');
    const outcome = checkClassificationLabels([model], [], 2024);
    expect(outcome.findings.map((f) => [f.rule, f.severity, categoryOf(f.rule)])).toEqual([['label.name', 'warning', 'label']]);
    expect(outcome.findings[0]!.message).toContain('科目 209 的名称应为「社会保险基金支出」');
  });

  it('flags a 项 only against its siblings: 行政运行 and the like recur under every 款', () => {
    const model = modelOf(table(tsv(`科目编码\t科目名称\t合计\n2101501\t一般行政管理事务\t1.00\n2080505\t行政运行\t1.00`), wan), 'expense-summary', '支出总表');
    const findings = checkClassificationLabels([model], [], 2024).findings;
    expect(findings.map((f) => f.message)).toEqual(['科目 2101501 的名称应为「行政运行」，表中写作「一般行政管理事务」，那是项 2101502 的名称：编码与名称不符。']);
  });

  it('accepts the dictionary name, local 项 names and shortened own names', () => {
    const model = modelOf(
      table(tsv(`科目编码\t科目名称\t合计\n\t合计\t10.00\n210\t卫生健康支出\t10.00\n21015\t医疗保障管理事务\t10.00\n2101501\t机关行政运行\t10.00\n30307\t医疗费\t1.00`), wan),
      'expense-summary',
      '支出总表',
    );
    expect(checkClassificationLabels([model], [], 2024).findings).toEqual([]);
  });

  it('compares economic names only from 2018, when the economic classification was recoded (30311 was 住房公积金)', () => {
    const model = modelOf(table(tsv(`科目编码\t科目名称\t合计\n303\t对个人和家庭的补助\t5.00\n30311\t住房公积金\t5.00`), wan), 'general-basic-expense', '基本支出表');
    expect(checkClassificationLabels([model], [], 2017).findings).toEqual([]);
    expect(checkClassificationLabels([model], [], 2019).findings.map((f) => f.rule)).toEqual(['label.name']);
  });

  it('names pre-2019 class names in a later year once per table (001-15, 003-08), not in 2018', () => {
    const model = modelOf(table(tsv(`项目\t预算数\n七、医疗卫生与计划生育支出\t10.00\n八、社会保障和就业支出\t1.00\n本年支出合计\t11.00`), wan), 'income-expense-summary', '收支总表');
    const later = checkClassificationLabels([model], [], 2020).findings;
    expect(later.map((f) => [f.rule, f.severity])).toEqual([['label.stale-name', 'warning']]);
    expect(later[0]!.message).toContain('「医疗卫生与计划生育支出」（210 今为「卫生健康支出」）');
    expect(checkClassificationLabels([model], [], 2018).findings).toEqual([]);
  });

  it('finds 004-04: a 款 name given the code of its 类 in the text (also with full-width digits)', () => {
    for (const text of ['其中：社会福利和救助（509）0.02万元。', '社会福利和救助（５０９）０.０２万元']) {
      const findings = checkClassificationLabels([], [block(text)], 2023).findings;
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([['label.text-name', 'warning']]);
      expect(findings[0]!.message).toBe('文中「社会福利和救助（509）」编码与名称不符：509 是类「对个人和家庭的补助」，「社会福利和救助」是款 50901。');
    }
    const ok = checkClassificationLabels([], [block('商品和服务支出(302)15.95万元，对事业单位经常性补助(505)123.96万元。')], 2023);
    expect(ok.findings).toEqual([]);
    expect(ok.passed).toBe(2);
  });
});

describe('labels on hostile text', () => {
  it('scans long runs of parentheses and codes quickly', () => {
    const started = performance.now();
    const text = `${'社会福利和救助（509）'.repeat(2000)}${'（'.repeat(50_000)}${'卫生健康（2'.repeat(5000)}`;
    const outcome = checkClassificationLabels([], [block(text)], 2024);
    expect(outcome.findings.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
