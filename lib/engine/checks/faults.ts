import Decimal from 'decimal.js';
import type { Consequence, Finding, Location, Severity } from '../report/schema';
import { isCellRef } from '../report/schema';
import type { TableModel } from '../table/model';
import { cellValue } from '../table/grid';
import type { Unit } from '../amount/units';
import { convert, isUnit } from '../amount/units';

/**
 * One fault, one finding (issue 10). A wrong cell that breaks a row sum, a column sum and a
 * cross-table identity is one finding whose other symptoms are listed under it as consequences;
 * the findings an empty column causes are one. The counts in the report, the popup and on the
 * toolbar then count faults, not symptoms.
 */
type Draft = Omit<Finding, 'id'>;

/** The same cell found by two families with the same arithmetic is one finding. */
export function dedupe<T extends Draft>(drafts: T[]): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const draft of drafts) {
    const loc = draft.location;
    const where = isCellRef(loc) ? `${loc.tableId}:${loc.row}:${loc.col}` : `${loc.anchor}:${loc.start}`;
    const key = `${where}|${draft.expected}|${draft.actual}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(draft);
  }
  return result;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function cellKey(loc: Location): string | null {
  return isCellRef(loc) ? `cell:${loc.tableId}:${loc.row}:${loc.col}` : null;
}

function textKey(loc: Location): string | null {
  return !isCellRef(loc) && loc.anchor && loc.start !== undefined ? `text:${loc.anchor}:${loc.start}:${loc.end}` : null;
}

/** Columns whose body holds no number at all: whatever they break, they are one fault. */
function emptyColumnKeys(tables: ReadonlyMap<string, TableModel>): (loc: Location) => string | null {
  const memo = new Map<string, boolean>();
  return (loc) => {
    if (!isCellRef(loc)) return null;
    const key = `column:${loc.tableId}:${loc.col}`;
    let empty = memo.get(key);
    if (empty === undefined) {
      const table = tables.get(loc.tableId);
      empty = Boolean(table && table.header.bodyStart < table.grid.height);
      for (let r = table?.header.bodyStart ?? 0; empty && table && r < table.grid.height; r += 1) {
        if (table.header.numberRows.has(r)) continue;
        if (cellValue(table.grid.cells[r]![loc.col]!).kind === 'number') empty = false;
      }
      memo.set(key, empty);
    }
    return empty ? key : null;
  };
}

/** Where a finding could have gone wrong: its cells, its text range, the empty columns it touches. */
function suspectsOf(finding: Draft, emptyColumn: (loc: Location) => string | null): Set<string> {
  const keys = new Set<string>();
  const text = textKey(finding.location);
  if (text) keys.add(text);
  for (const loc of [finding.location, ...finding.related]) {
    const cell = cellKey(loc);
    if (cell) keys.add(cell);
    const column = emptyColumn(loc);
    if (column) keys.add(column);
  }
  return keys;
}

/**
 * A wrong cell shifts every identity it takes part in by the same amount: two differences of
 * other sizes are two faults even when they share a cell. Findings without a difference, or in
 * units that do not convert, are matched on the shared cell alone.
 */
function sameDifference(a: Draft, b: Draft): boolean {
  if (a.difference === undefined || b.difference === undefined || !a.unit || !b.unit) return true;
  let other = new Decimal(b.difference).abs();
  if (a.unit !== b.unit) {
    if (!isUnit(a.unit) || !isUnit(b.unit)) return true;
    other = convert(other, b.unit as Unit, a.unit as Unit);
  }
  const slack = Decimal.max(a.tolerance ? new Decimal(a.tolerance) : 0, b.tolerance ? new Decimal(b.tolerance) : 0);
  return new Decimal(a.difference).abs().minus(other).abs().lessThanOrEqualTo(slack);
}

function stronger(a: Draft, b: Draft, suspect: string): boolean {
  if (RANK[a.severity] !== RANK[b.severity]) return RANK[a.severity] > RANK[b.severity];
  if ((a.basis === 'reading') !== (b.basis === 'reading')) return b.basis === 'reading';
  const at = (f: Draft): boolean => cellKey(f.location) === suspect || textKey(f.location) === suspect;
  return at(a) && !at(b);
}

function consequence(finding: Draft): Consequence {
  const { id: _id, category: _category, basis: _basis, readings: _readings, consequences: _consequences, ...rest } = finding as Finding;
  return rest;
}

/**
 * Folds the symptoms of one fault into one finding. Greedily, the suspect shared by the most
 * findings first: among the findings that share it (warnings and errors only: rounding notes
 * stand alone), the strongest stays and the others whose difference fits the same fault become
 * its consequences. Order is kept; returns how many findings were folded.
 */
export function foldFaults(findings: Draft[], tables: ReadonlyMap<string, TableModel>): { findings: Draft[]; folded: number } {
  const emptyColumn = emptyColumnKeys(tables);
  const suspects = findings.map((f) => (f.severity === 'info' ? new Set<string>() : suspectsOf(f, emptyColumn)));
  // Which findings share each suspect (in report order), so the folding stays linear in their number.
  const sharing = new Map<string, number[]>();
  suspects.forEach((keys, i) => {
    for (const key of keys) {
      const list = sharing.get(key);
      if (list) list.push(i);
      else sharing.set(key, [i]);
    }
  });
  const order = [...sharing].filter(([, list]) => list.length >= 2).sort((a, b) => b[1].length - a[1].length).map(([key]) => key);

  const absorbed = new Set<number>();
  const under = new Map<number, number[]>();
  for (const key of order) {
    const members = sharing.get(key)!.filter((i) => !absorbed.has(i));
    if (members.length < 2) continue;
    let head = members[0]!;
    for (const i of members) if (stronger(findings[i]!, findings[head]!, key)) head = i;
    const cellSuspect = key.startsWith('cell:');
    const folded = members.filter((i) => i !== head && (!cellSuspect || sameDifference(findings[head]!, findings[i]!)));
    if (!folded.length) continue;
    const list = under.get(head) ?? [];
    for (const i of folded) {
      absorbed.add(i);
      // A finding that already heads a fault brings its consequences along.
      list.push(i, ...(under.get(i) ?? []));
      under.delete(i);
    }
    under.set(head, list.sort((a, b) => a - b));
  }

  const result: Draft[] = [];
  findings.forEach((finding, i) => {
    if (absorbed.has(i)) return;
    const folded = under.get(i);
    result.push(folded ? { ...finding, consequences: folded.map((j) => consequence(findings[j]!)) } : finding);
  });
  return { findings: result, folded: absorbed.size };
}
