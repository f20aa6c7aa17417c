import type { ColumnInfo } from '../table/columns';

/** A node of a panel's column header tree: a header cell and the amount columns under it. */
export interface HeaderNode {
  label: string;
  key: string;
  columns: ColumnInfo[];
  children: HeaderNode[];
}

/**
 * Groups the amount columns by their header paths: columns sharing the header cell at depth d
 * form one node, recursively. Leaves are single columns.
 */
export function headerTree(columns: ColumnInfo[], depth = 0): HeaderNode[] {
  const nodes: HeaderNode[] = [];
  for (const column of columns) {
    const cell = column.path[depth];
    if (!cell) continue;
    const last = nodes.at(-1);
    if (last && last.key === cell.key) last.columns.push(column);
    else nodes.push({ label: cell.label, key: cell.key, columns: [column], children: [] });
  }
  for (const node of nodes) {
    const deeper = node.columns.filter((c) => c.path.length > depth + 1);
    // A header whose own column continues below it (no deeper label) stays a leaf.
    if (deeper.length === node.columns.length) node.children = headerTree(deeper, depth + 1);
  }
  return nodes;
}

const TOTAL_LABEL = /^(合计|小计|总计)$|合计$|总计$/;
// Columns that are not parts of a sum: "其中" subsets, changes, rates, shares, notes, last year.
const NON_ADDITIVE = /^其中|增减|变动|增长|减少|增加|比上年|较上年|率|%|比重|占比|比例|备注|说明|^上年(预算|决算)?数?$|上年数|上年预算|上年决算|年初预算|调整预算|全年预算/;

export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label);
}

export function isNonAdditive(label: string): boolean {
  return NON_ADDITIVE.test(label);
}

/** The single amount column that carries a node's value, if the node has one. */
export function valueColumn(node: HeaderNode): ColumnInfo | null {
  if (node.children.length === 0) return node.columns.length === 1 ? node.columns[0]! : null;
  const total = node.children.find((child) => isTotalLabel(child.label));
  return total ? valueColumn(total) : null;
}

/**
 * The columns whose sum is a node's value: its own total column if it has one, else the
 * values of its additive children. Null when the node cannot be reduced to columns.
 */
export function valueColumns(node: HeaderNode): ColumnInfo[] | null {
  const own = valueColumn(node);
  if (own) return [own];
  if (node.children.length === 0) return null;
  const result: ColumnInfo[] = [];
  for (const child of node.children) {
    if (isNonAdditive(child.label)) continue;
    const columns = valueColumns(child);
    if (!columns) return null;
    result.push(...columns);
  }
  return result.length ? result : null;
}

export interface ColumnIdentity {
  total: ColumnInfo;
  /** Name of the group the identity belongs to ("" for the top level). */
  group: string;
  addends: ColumnInfo[];
  /** The addends by sibling header: two siblings may be two breakdowns of the same total. */
  parts: ColumnInfo[][];
}

/**
 * Identities read from the header: in every group (and at the top level) that has a total
 * column (合计/小计/总计), total = Σ the values of its other, additive siblings.
 */
export function columnIdentities(nodes: HeaderNode[], group = ''): ColumnIdentity[] {
  const identities: ColumnIdentity[] = [];
  const totals = nodes.filter((n) => isTotalLabel(n.label));
  if (totals.length === 1) {
    const totalColumn = valueColumn(totals[0]!);
    const addends: ColumnInfo[] = [];
    const parts: ColumnInfo[][] = [];
    let reducible = true;
    for (const node of nodes) {
      if (node === totals[0] || isNonAdditive(node.label)) continue;
      const columns = valueColumns(node);
      if (!columns) {
        reducible = false;
        break;
      }
      addends.push(...columns);
      parts.push(columns);
    }
    if (totalColumn && reducible && addends.length > 0 && !addends.includes(totalColumn)) {
      identities.push({ total: totalColumn, group, addends, parts });
    }
  }
  for (const node of nodes) {
    if (node.children.length) identities.push(...columnIdentities(node.children, node.label));
  }
  return identities;
}
