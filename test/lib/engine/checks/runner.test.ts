import { describe, expect, it } from 'vitest';
import { runChecks, slowestChecks } from '../../../../lib/engine/checks/runner';
import type { DocumentCheck, TableCheck } from '../../../../lib/engine/checks/types';
import { emptyOutcome } from '../../../../lib/engine/checks/types';
import { CHECKS } from '../../../../lib/engine/checks';
import { listTotalsCheck } from '../../../../lib/engine/checks/list-totals';
import { isRuleId } from '../../../../lib/engine/checks/catalogue';
import { table } from '../../../helpers/tables';
import { contextOf, modelOf } from '../../../helpers/check';

const broken = table([['项目', '金额'], ['甲', '1.00'], ['乙', '2.00'], ['合计', '4.00']], { before: ['单位：万元'] });

describe('the check runner', () => {
  it('isolates a throwing check: its rules are "not checked" with the reason, the rest of the report stands', () => {
    const throwing: TableCheck = {
      name: 'throws',
      scope: 'table',
      rules: ['sum.balance'],
      run() {
        throw new Error('坏表');
      },
    };
    const model = modelOf(broken);
    const result = runChecks([throwing, listTotalsCheck], contextOf({ tables: [model] }));
    expect(result.outcome.findings.map((f) => f.rule)).toEqual(['sum.rows']);
    expect(result.outcome.notChecked).toEqual([{ what: '测试表：sum.balance', reason: '检查时出错：坏表', rules: ['sum.balance'], anchor: 't0' }]);
    expect(result.checksByTable.get('t0')).toBe(1);
  });

  it('rejects a finding of a rule the check did not declare', () => {
    const sneaky: DocumentCheck = {
      name: 'sneaky',
      scope: 'document',
      rules: ['text.year'],
      run() {
        const outcome = emptyOutcome();
        outcome.findings.push({ rule: 'text.amount', severity: 'error', message: '…', location: { text: '…' }, related: [] });
        return outcome;
      },
    };
    const result = runChecks([sneaky], contextOf());
    expect(result.outcome.findings).toEqual([]);
    expect(result.outcome.notChecked[0]!.reason).toContain('未声明的规则 text.amount');
  });

  it('times every check over the whole document, table checks once per table with data', () => {
    const result = runChecks([listTotalsCheck], contextOf({ tables: [modelOf(broken), modelOf({ ...broken, anchor: 't1' })] }));
    expect(result.timings).toEqual([{ check: 'list-totals', rules: listTotalsCheck.rules, millis: expect.any(Number), runs: 2 }]);
    expect(slowestChecks(result.timings, 1)).toHaveLength(1);
  });

  it('registers every check once, by a unique name, declaring only catalogued rules', () => {
    const names = CHECKS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const check of CHECKS) for (const rule of check.rules) expect(isRuleId(rule), `${check.name}: ${rule}`).toBe(true);
  });
});
