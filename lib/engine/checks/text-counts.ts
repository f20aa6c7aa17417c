import Decimal from 'decimal.js';
import type { TextBlock } from '../source';
import type { TableModel } from '../table/model';
import { normalForClaims, originalRange } from '../narrative/normal-text';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';

/**
 * Counts in the text (rulebook N-10): "共有车辆2辆，其中：一般公务用车2辆、其他用车0辆" — the listed
 * counts must not add up to more than the whole (a list may leave members out);
 * "共26个项目" must be the number of projects the project table lists.
 */
const COUNT_UNITS = '辆|个|人|项|台|套|家|处|名';
const COUNT = new RegExp(String.raw`(\d{1,6})\s*(${COUNT_UNITS})(?![\u4e00-\u9fff]*[元%])`, 'g');
const PROJECTS = /共(?:有|计)?(\d{1,4})个(?:项目|专项)/;

interface Found {
  value: number;
  unit: string;
  at: number;
  end: number;
}

function countsIn(text: string): Found[] {
  return [...text.matchAll(COUNT)].map((m) => ({ value: Number(m[1]), unit: m[2]!, at: m.index!, end: m.index! + m[0].length }));
}

function projectRows(tables: TableModel[]): number | null {
  const table = tables.find((t) => t.kind === 'project-expense');
  if (!table) return null;
  let count = 0;
  const seenUnits = new Set<string>();
  for (const panel of table.panels) {
    const first = panel.amountColumns[0];
    if (!first) continue;
    for (const row of panel.rows) {
      if (row.role !== 'item' || row.values.get(first.index)?.kind !== 'number') continue;
      const unit = row.code?.kind === 'unit' ? row.code.code : undefined;
      // The first row of a unit code is the unit's subtotal; a 3-digit code is the department.
      if (unit && (unit.length <= 3 || !seenUnits.has(unit))) {
        if (unit) seenUnits.add(unit);
        continue;
      }
      count += 1;
    }
    if (count) return count;
  }
  return count || null;
}

export function checkCounts(blocks: TextBlock[], tables: TableModel[]): CheckOutcome {
  const outcome = emptyOutcome();
  const projects = projectRows(tables);
  for (const block of blocks) {
    if (!/[0-9０-９]/.test(block.text) || block.text.length > 20_000) continue;
    const normal = normalForClaims(block.text);
    const text = normal.text;
    const where = (start: number, end: number) => {
      const range = originalRange(normal, start, end);
      return { text: block.text.slice(range.start, range.end), anchor: block.anchor, ...range, ...(block.page ? { page: block.page } : {}) };
    };

    for (const sentence of text.split(/(?<=[。;])/)) {
      const offset = text.indexOf(sentence);
      const marker = sentence.indexOf('其中');
      if (marker < 0) continue;
      const counts = countsIn(sentence);
      const whole = counts.filter((c) => c.at < marker).at(-1);
      if (!whole) continue;
      const end = sentence.slice(marker).search(/[;。]|单[位价]价?值/);
      const limit = end < 0 ? sentence.length : marker + end;
      const parts = counts.filter((c) => c.at > marker && c.at < limit && c.unit === whole.unit);
      if (parts.length < 2) continue;
      const sum = parts.reduce((acc, p) => acc + p.value, 0);
      // A list may leave members out ("其中：医院47家、药店23家" of 420): only an excess is wrong.
      if (sum < whole.value) continue;
      outcome.checksRun += 1;
      if (sum === whole.value) {
        outcome.passed += 1;
        continue;
      }
      outcome.findings.push({
        rule: 'text.count',
        severity: 'error',
        message: `共 ${whole.value}${whole.unit}，其中列出的 ${parts.map((p) => `${p.value}${p.unit}`).join(' + ')} = ${sum}${whole.unit}，多于总数。`,
        expected: String(whole.value),
        actual: String(sum),
        difference: String(sum - whole.value),
        location: where(offset + whole.at, offset + parts.at(-1)!.end),
        related: [],
      });
    }

    const stated = PROJECTS.exec(text);
    if (stated && projects !== null) {
      outcome.checksRun += 1;
      const n = Number(stated[1]);
      if (n === projects) outcome.passed += 1;
      else {
        outcome.findings.push({
          rule: 'text.project-count',
          severity: 'warning',
          message: `文中说共 ${n} 个项目，项目支出表列出 ${projects} 个项目。`,
          expected: String(projects),
          actual: String(n),
          difference: new Decimal(n - projects).toString(),
          location: where(stated.index, stated.index + stated[0].length),
          related: [],
        });
      }
    }
  }
  return outcome;
}

export const countsCheck: DocumentCheck = {
  name: 'text-counts',
  scope: 'document',
  rules: ['text.count', 'text.project-count'],
  run: (context) => checkCounts(context.blocks, context.tables),
};
