import type { TableModel } from '../table/model';
import type { CellRef } from '../report/schema';
import { compactText } from '../amount/normalize';
import { UNIT_PATTERN } from '../amount/units';
import type { CheckOutcome, TableCheck } from './types';
import { cellRefAt } from './sum-identity';
import { emptyOutcome } from './types';

/**
 * Performance targets (绩效目标表, rulebook P-02): an indicator's unit must fit its name. An
 * amount (金额/经费/费用/资金) counted in 人次 or a head count (人次/人数) measured in 元 is a
 * certain error (seed 000-05: "住院报销金额 2000 人次"); a rate (率/满意度) without a percentage
 * unit, or a count of times (次数) in 家, is only suspicious. Read row by row from the cells,
 * because these tables are forms whose columns rarely line up with their headers.
 */
const UNIT_TOKEN = /^(人次|人|次|家|户|个|件|项|份|元|千元|万元|亿元|%|百分比|百分率|天|日|个月|月|年|辆|台|套|张|册|本|场|期|批|小时|分|名|座|间|平方米|亩|公里|提高度)$/;
const MONEY_UNIT = new RegExp(`^(?:${UNIT_PATTERN})$`);
const COUNT_UNIT = /^(人次|人|次|家|户|个|件|项|份|名|场|批)$/;
const PERCENT_UNIT = /^(%|百分比|百分率)$/;

const MONEY_NAME = /金额|经费|费用|资金|支出额|补助额|成本(?!指标)/;
const COUNT_NAME = /人次|人数|户数|家数|件数|次数/;
const RATE_NAME = /率|满意度|占比|比例/;

interface Mismatch {
  severity: 'error' | 'warning';
  why: string;
}

export function unitMismatch(name: string, unit: string): Mismatch | null {
  if (MONEY_NAME.test(name) && COUNT_UNIT.test(unit) && !/人次|人数|户数/.test(name)) {
    return { severity: 'error', why: `指标名称是金额，度量单位却是“${unit}”` };
  }
  if (/人次|人数/.test(name) && MONEY_UNIT.test(unit) && !MONEY_NAME.test(name)) {
    return { severity: 'error', why: `指标名称是人数或人次，度量单位却是“${unit}”` };
  }
  if (RATE_NAME.test(name) && !PERCENT_UNIT.test(unit) && (COUNT_UNIT.test(unit) || MONEY_UNIT.test(unit))) {
    return { severity: 'warning', why: `指标名称是比率，度量单位却是“${unit}”` };
  }
  if (/次数/.test(name) && /^(家|户|个|人)$/.test(unit)) {
    return { severity: 'warning', why: `指标名称是次数，度量单位却是“${unit}”` };
  }
  if (COUNT_NAME.test(name) && !MONEY_NAME.test(name) && PERCENT_UNIT.test(unit) && !RATE_NAME.test(name)) {
    return { severity: 'warning', why: `指标名称是数量，度量单位却是“${unit}”` };
  }
  return null;
}

export const performanceUnitsCheck: TableCheck = {
  name: 'performance-units',
  scope: 'table',
  rules: ['perf.unit'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    if (!table.kind.startsWith('performance')) return outcome;
    const { grid } = table;
    for (let r = table.header.bodyStart; r < grid.height; r += 1) {
      const cells = grid.cells[r]!;
      const texts = cells.map((cell, c) => (cell.originRow === r && cell.originCol === c ? compactText(cell.text) : ''));
      const unitAt = texts.findIndex((t, c) => c > 0 && UNIT_TOKEN.test(t));
      if (unitAt < 0) continue;
      // The indicator is the nearest named cell left of the unit that is not itself a value.
      let nameAt = -1;
      for (let c = unitAt - 1; c >= 0; c -= 1) {
        const t = texts[c]!;
        if (t && !/^[\d.,≥≤<>=%]+$/.test(t) && t.length >= 3 && !t.endsWith('指标')) {
          nameAt = c;
          break;
        }
      }
      if (nameAt < 0) continue;
      const name = texts[nameAt]!;
      const unit = texts[unitAt]!;
      outcome.checksRun += 1;
      const mismatch = unitMismatch(name, unit);
      if (!mismatch) {
        outcome.passed += 1;
        continue;
      }
      const ref = (col: number, label: string): CellRef => cellRefAt(table, r, col, label);
      outcome.findings.push({
        rule: 'perf.unit',
        severity: mismatch.severity,
        message: `绩效指标「${name}」的度量单位为“${unit}”：${mismatch.why}，名称与单位不符。`,
        location: ref(unitAt, `${name}·度量单位`),
        related: [ref(nameAt, name)],
      });
    }
    return outcome;
  },
};
