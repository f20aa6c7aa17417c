import type { PanelModel, TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { CheckOutcome, TableCheck } from './types';
import { emptyOutcome } from './types';
import Decimal from 'decimal.js';
import { checkSum } from './sum-identity';
import type { FindingDraft } from './types';
import type { Term } from './sum-identity';

/**
 * Rulebook §2.4 / B-T3-04: 类 = Σ 款, 款 = Σ 项 (local 7-digit economic codes roll up to the
 * nearest parent shown), the total = Σ top-level codes (only-项 listings included), and unit
 * rows as parallel totals: 合计 = Σ 部门 rows, 部门 = Σ its 单位 rows, 单位 = Σ its top codes.
 */
export const codeHierarchyCheck: TableCheck = {
  name: 'code-hierarchy',
  scope: 'table',
  rules: ['sum.code-hierarchy', 'sum.blank-total', 'sum.misaligned'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    for (const panel of table.panels) {
      const coded = panel.rows.filter((r) => r.code && r.code.kind !== 'unit');
      const units = panel.rows.filter((r) => r.code?.kind === 'unit');
      if (coded.length + units.length < 2) continue;
      checkPanel(table, panel, outcome);
    }
    return outcome;
  },
};

function term(row: BodyRow, col: number, colLabel: string): Term {
  return { row: row.row, col, value: row.values.get(col) ?? { kind: 'blank', raw: '' }, label: rowLabel(row) + (colLabel ? `·${colLabel}` : '') };
}

function rowLabel(row: BodyRow): string {
  if (row.code && row.label && row.label !== row.code.code) return `${row.code.code} ${row.label}`;
  return row.label || row.code?.code || '';
}

function checkPanel(table: TableModel, panel: PanelModel, outcome: CheckOutcome): void {
  const groups: Array<{ parent: BodyRow; children: BodyRow[]; kind: 'code' | 'unit' | 'total' }> = [];
  const childrenOf = new Map<BodyRow, BodyRow[]>();
  const add = (parent: BodyRow, child: BodyRow): void => {
    const list = childrenOf.get(parent) ?? [];
    list.push(child);
    childrenOf.set(parent, list);
  };

  // First pass: unit rows open segments; every code is filed under its segment. Children may
  // be listed before their parent (3011202 before 30112), so parents are looked up afterwards.
  let segmentOwner: BodyRow | null = null;
  const segments = new Map<BodyRow | null, BodyRow[]>();
  const departments: BodyRow[] = [];
  const unitsOfDepartment = new Map<BodyRow, BodyRow[]>();
  const looseUnits: BodyRow[] = [];
  let lastDepartment: BodyRow | null = null;

  for (const row of panel.rows) {
    const code = row.code;
    if (!code) continue;
    // Project lists repeat their unit's code on every project row (036001 …): the first row
    // with the code is the unit's subtotal, the rows after it are its items.
    if (code.kind === 'unit' && segmentOwner?.code?.code === code.code) {
      const list = segments.get(segmentOwner) ?? [];
      list.push(row);
      segments.set(segmentOwner, list);
      continue;
    }
    if (code.kind === 'unit') {
      segmentOwner = row;
      if (code.level === 1) {
        departments.push(row);
        lastDepartment = row;
      } else if (lastDepartment && code.code.startsWith(lastDepartment.code!.code)) {
        const list = unitsOfDepartment.get(lastDepartment) ?? [];
        list.push(row);
        unitsOfDepartment.set(lastDepartment, list);
      } else {
        looseUnits.push(row);
      }
      continue;
    }
    const list = segments.get(segmentOwner) ?? [];
    list.push(row);
    segments.set(segmentOwner, list);
  }

  const topOfSegment = new Map<BodyRow | null, BodyRow[]>();
  for (const [owner, rows] of segments) {
    const byCode = new Map<string, BodyRow>();
    for (const row of rows) if (row.code!.kind !== 'unit' && !byCode.has(row.code!.code)) byCode.set(row.code!.code, row);
    for (const row of rows) {
      const code = row.code!.code;
      let parent: BodyRow | undefined;
      if (row.code!.kind !== 'unit') {
        for (let length = code.length - 2; length >= 3 && !parent; length -= 2) parent = byCode.get(code.slice(0, length));
      }
      if (parent && parent !== row) add(parent, row);
      else {
        const tops = topOfSegment.get(owner) ?? [];
        tops.push(row);
        topOfSegment.set(owner, tops);
      }
    }
  }

  for (const [parent, children] of childrenOf) groups.push({ parent, children, kind: 'code' });
  for (const [owner, tops] of topOfSegment) {
    if (owner) groups.push({ parent: owner, children: tops, kind: 'unit' });
  }
  for (const [department, members] of unitsOfDepartment) groups.push({ parent: department, children: members, kind: 'unit' });

  const totals = panel.rows.filter((r) => r.role === 'total' && !r.code);
  const topLevel = departments.length || looseUnits.length ? [...departments, ...looseUnits] : (topOfSegment.get(null) ?? []);
  if (topLevel.length) for (const total of totals) groups.push({ parent: total, children: topLevel, kind: 'total' });

  for (const group of groups) {
    const drafts: Array<FindingDraft | null> = [];
    for (const column of panel.amountColumns) {
      const colLabel = column.label;
      drafts.push(checkSum(
        {
          rule: 'sum.code-hierarchy',
          table,
          total: term(group.parent, column.index, colLabel),
          addends: group.children.map((child) => term(child, column.index, colLabel)),
          totalName: `「${rowLabel(group.parent)}」${colLabel ? `（${colLabel}）` : ''}`,
          sumName: group.kind === 'total' ? '各科目之和' : '下级科目之和',
        },
        outcome,
      ));
    }
    outcome.findings.push(...pairShiftedColumns(table, panel, group.parent, drafts));
  }
}

/**
 * Two neighbouring columns failing by opposite amounts (+x in one, −x in the next) mean a child
 * row put its amount one column off: one structural warning, not two errors.
 */
function pairShiftedColumns(table: TableModel, panel: PanelModel, parent: BodyRow, drafts: Array<FindingDraft | null>): FindingDraft[] {
  const result: FindingDraft[] = [];
  for (let i = 0; i < drafts.length; i += 1) {
    const here = drafts[i];
    const next = drafts[i + 1];
    if (here?.severity === 'error' && next?.severity === 'error' && here.difference && next.difference && new Decimal(here.difference).plus(next.difference).isZero()) {
      const left = panel.amountColumns[i]!;
      const right = panel.amountColumns[i + 1]!;
      result.push({
        ...here,
        rule: 'sum.misaligned',
        severity: 'warning',
        message: `「${rowLabel(parent)}」在「${left.label}」与「${right.label}」两列各差 ${new Decimal(here.difference).abs().toString()}，方向相反：某个下级科目的金额疑似填错了一列，两列合起来是相符的，请核对原表。`,
        related: [...here.related, ...next.related],
      });
      i += 1;
      continue;
    }
    if (here) result.push(here);
  }
  return result;
}
