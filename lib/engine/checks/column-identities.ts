import type { CellValue } from '../amount/parse';
import type { PanelModel, TableModel } from '../table/model';
import type { ColumnInfo } from '../table/columns';
import type { BodyRow } from '../table/rows';
import type { CheckOutcome, FindingDraft, TableCheck } from './types';
import { emptyOutcome } from './types';
import { checkSum, cellRef } from './sum-identity';
import type { SumIdentity } from './sum-identity';
import { columnIdentities, headerTree } from './header-tree';
import type { ColumnIdentity } from './header-tree';
import { topLevelIndices } from './nesting';

/**
 * Rulebook B-T3-01/02, B-T5-01, B-T6-01, B-T7-01: identities read from the header tree, row by
 * row — 合计 = 基本支出 + 项目支出; 小计 = 人员经费 + 公用经费; a group's 合计 = Σ its sub-columns.
 *
 * A row whose values sit one column off their header (a header cell lost in conversion, seed
 * 003's 政府性基金 table) fails several identities at once; when shifting the row's values by one
 * column makes every identity hold, that is reported once, as a structural warning, not as errors.
 */
const BLANK: CellValue = { kind: 'blank', raw: '' };

type Values = Map<number, CellValue>;

const shortNames = new Map<string, string>();

function shortName(label: string): string {
  let name = shortNames.get(label);
  if (name === undefined) {
    name = label.split('/').slice(-2).join('/');
    if (shortNames.size < 10_000) shortNames.set(label, name);
  }
  return name;
}

function rowName(row: BodyRow): string {
  return row.code && row.label !== row.code.code ? `${row.code.code} ${row.label}` : row.label;
}

function identityFor(table: TableModel, row: BodyRow, identity: ColumnIdentity, values: Values): SumIdentity {
  const name = rowName(row);
  const addends = topLevelIndices(
    identity.addends.map((column) => values.get(column.index)),
    // Only a column named 小计/合计 may hide its parts (a header whose span was lost).
    (i) => (/小计|合计/.test(identity.addends[i]!.label) ? 1 : 0),
  ).map((i) => identity.addends[i]!);
  return {
    rule: 'sum.columns',
    table,
    total: { row: row.row, col: identity.total.index, value: values.get(identity.total.index) ?? BLANK, label: `${name}·${shortName(identity.total.label)}` },
    addends: addends.map((column) => ({ row: row.row, col: column.index, value: values.get(column.index) ?? BLANK, label: shortName(column.label) })),
    totalName: `「${name}」行的${shortName(identity.total.label)}`,
    sumName: `${identity.group ? `「${identity.group}」下` : ''}各分列之和`,
  };
}

/** The row's values moved one column right (or left) from position `from` of the amount columns. */
function shifted(panel: PanelModel, values: Values, from: number, direction: 1 | -1): Values | null {
  const columns = panel.amountColumns.map((c) => c.index);
  const result: Values = new Map(values);
  if (direction === 1) {
    if (values.get(columns.at(-1)!)?.kind === 'number') return null;
    result.set(columns[from]!, BLANK);
    for (let j = from + 1; j < columns.length; j += 1) result.set(columns[j]!, values.get(columns[j - 1]!) ?? BLANK);
  } else {
    if (values.get(columns[from]!)?.kind === 'number') return null;
    for (let j = from; j < columns.length - 1; j += 1) result.set(columns[j]!, values.get(columns[j + 1]!) ?? BLANK);
    result.set(columns.at(-1)!, BLANK);
  }
  return result;
}

/**
 * "总计 | 预算额度{…} | 预算编制方式{…}", "合计 | 基本支出 | 项目支出 | 资金来源{…}": sibling groups
 * that each add up to the total on their own are views of one amount (by type, by source), not
 * parts to be added together. The table's first filled total row decides the reading once; every
 * row is then checked against each view.
 */
function refineIdentities(table: TableModel, panel: PanelModel, identities: ColumnIdentity[]): ColumnIdentity[] {
  return identities.flatMap((identity) => {
    if (identity.parts.length < 2) return [identity];
    const sample = panel.rows.find((row) => row.values.get(identity.total.index)?.kind === 'number' && identity.parts.filter((part) => part.some((c) => row.values.get(c.index)?.kind === 'number')).length >= 2);
    if (!sample || checkSum(identityFor(table, sample, identity, sample.values), emptyOutcome()) === null) return [identity];
    const views = partitionIntoViews(table, sample, identity);
    return views ? views.map((columns) => ({ ...identity, addends: columns, parts: [columns] })) : [identity];
  });
}

function partitionIntoViews(table: TableModel, row: BodyRow, identity: ColumnIdentity): ColumnInfo[][] | null {
  const adds = (columns: ColumnInfo[]): boolean => checkSum(identityFor(table, row, { ...identity, addends: columns, parts: [columns] }, row.values), emptyOutcome()) === null;
  const views: ColumnInfo[][] = [];
  let current: ColumnInfo[] = [];
  for (const part of identity.parts) {
    current = [...current, ...part];
    if (adds(current) && current.some((c) => row.values.get(c.index)?.kind === 'number')) {
      views.push(current);
      current = [];
    }
  }
  if (current.length) {
    // Trailing empty siblings belong to the last view.
    if (current.some((c) => row.values.get(c.index)?.kind === 'number') || !views.length) return null;
    views[views.length - 1] = [...views.at(-1)!, ...current];
  }
  return views.length >= 2 ? views : null;
}

function holds(drafts: Array<FindingDraft | null>): boolean {
  return drafts.every((d) => d === null || d.severity === 'info');
}

export const columnIdentitiesCheck: TableCheck = {
  name: 'column-identities',
  scope: 'table',
  rules: ['sum.columns', 'sum.blank-total', 'sum.misaligned'],
  run(table: TableModel): CheckOutcome {
    const outcome = emptyOutcome();
    for (const panel of table.panels) {
      const identities = refineIdentities(table, panel, columnIdentities(headerTree(panel.amountColumns)));
      if (!identities.length) continue;
      for (const row of panel.rows) {
        const scratch = emptyOutcome();
        const drafts = identities.map((identity) => checkSum(identityFor(table, row, identity, row.values), scratch));
        const misalignment = drafts.some((d) => d?.severity === 'error') ? findShift(table, panel, row, identities) : null;
        if (misalignment) {
          outcome.checksRun += 1;
          outcome.findings.push(misalignment);
          continue;
        }
        outcome.checksRun += scratch.checksRun;
        outcome.passed += scratch.passed;
        for (const draft of drafts) if (draft) outcome.findings.push(draft);
      }
    }
    return outcome;
  },
};

function findShift(table: TableModel, panel: PanelModel, row: BodyRow, identities: ColumnIdentity[]): FindingDraft | null {
  const columns = panel.amountColumns;
  for (const direction of [1, -1] as const) {
    for (let from = 1; from < columns.length; from += 1) {
      const values = shifted(panel, row.values, from, direction);
      if (!values) continue;
      const drafts = identities.map((identity) => checkSum(identityFor(table, row, identity, values), emptyOutcome()));
      if (!holds(drafts)) continue;
      const start = columns[from]!;
      const firstValue = columns.find((c) => row.values.get(c.index)?.kind === 'number') ?? start;
      return {
        rule: 'sum.misaligned',
        severity: 'warning',
        message: `「${rowName(row)}」行按表头读取各列不相符，但把「${shortName(start.label)}」列起的数据${direction === 1 ? '右' : '左'}移一列后各项全部相符：表头与数据疑似错位一列，请核对原表。`,
        location: cellRef(table, { row: row.row, col: firstValue.index, value: BLANK, label: `${rowName(row)}·${shortName(firstValue.label)}` }),
        related: columns
          .filter((c) => row.values.get(c.index)?.kind === 'number')
          .map((c) => cellRef(table, { row: row.row, col: c.index, value: BLANK, label: shortName(c.label) })),
      };
    }
  }
  return null;
}
