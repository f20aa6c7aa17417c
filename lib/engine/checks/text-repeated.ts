import Decimal from 'decimal.js';
import { compactText } from '../amount/normalize';
import { parseAmount } from '../amount/parse';
import type { Unit } from '../amount/units';
import { findHeaderUnit, withoutUnitSuffix } from '../amount/units';
import type { StatedAmount } from '../narrative/claims';
import { extractClaims } from '../narrative/claims';
import type { PlacedClaim } from '../narrative/document-claims';
import type { Location } from '../report/schema';
import type { TableModel } from '../table/model';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { textRef } from './text-finding';

/**
 * The same figure disclosed twice (rulebook N-08, N-12): a document states its 年初预算, 总收入 or
 * 机关运行经费 in the text, in self-evaluation forms and in table notes. Two statements of one
 * indicator that differ by two neighbouring digits swapped (1641.88 / 1461.88) are a certain
 * error; that differ by one unit of the last decimal (1796.96 / 1796.95) are a rounding note.
 * Other differences are left alone: the same words may name different things (a 项's 年初预算).
 */
const INDICATOR = /(年初预算|全年预算|全年执行|总收入|总支出|收支总计|本年收入合计|本年支出合计|机关运行经费|三公经费)(?:数|总额|合计|收入|支出)?$/;

function indicatorOf(subject: string): string | null {
  const match = INDICATOR.exec(withoutUnitSuffix(compactText(subject).replace(/[“”"]/g, '')));
  return match ? match[1]! : null;
}

interface Statement {
  key: string;
  amount: StatedAmount;
  location: Location;
  where: string;
}

/** Adjacent digits swapped: 1461.88 vs 1641.88. */
export function isAdjacentSwap(a: Decimal, b: Decimal): boolean {
  const x = a.toFixed(2);
  const y = b.toFixed(2);
  if (x.length !== y.length || x === y) return false;
  const diff = [...x].map((ch, i) => (ch === y[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!];
}

/** Statements in table cells: long text cells read as sentences, and form labels with their figure below. */
function tableStatements(tables: TableModel[]): Statement[] {
  const statements: Statement[] = [];
  for (const table of tables) {
    if (!table.kind.startsWith('performance')) continue;
    const { grid } = table;
    for (let r = 0; r < grid.height; r += 1) {
      grid.cells[r]!.forEach((cell, c) => {
        if (cell.originRow !== r || cell.originCol !== c || !cell.text) return;
        const ref = { tableId: table.id, row: r, col: c, ...(table.page ? { page: table.page } : {}), ...(cell.anchor ? { anchor: cell.anchor } : {}) };
        const label = indicatorOf(cell.text);
        if (label && parseAmount(cell.text).kind === 'text') {
          // A form: "年初预算数(万元)" with its figure in the rows below.
          for (let v = r + 1; v < Math.min(grid.height, r + 4); v += 1) {
            const below = grid.cells[v]![c]!;
            const value = parseAmount(below.text);
            if (value.kind !== 'number') continue;
            const unit = (findHeaderUnit(cell.text) ?? table.unit ?? '万元') as Unit;
            statements.push({
              key: label,
              amount: { value: value.value, decimals: value.decimals, unit, raw: `${value.raw}${unit}` },
              location: { tableId: table.id, row: v, col: c, ...(below.anchor ? { anchor: below.anchor } : {}), label: compactText(cell.text) },
              where: `《${table.title}》`,
            });
            break;
          }
          return;
        }
        if (cell.text.length < 6 || !/元/.test(cell.text)) return;
        for (const claim of extractClaims(cell.text)) {
          if (claim.kind !== 'amount') continue;
          const key = indicatorOf(claim.subject);
          if (key) statements.push({ key, amount: claim.amount, location: { ...ref, label: claim.text }, where: `《${table.title}》` });
        }
      });
    }
  }
  return statements;
}

export function checkRepeatedFigures(claims: PlacedClaim[], tables: TableModel[]): CheckOutcome {
  const outcome = emptyOutcome();
  const statements: Statement[] = [];
  for (const placed of claims) {
    if (placed.claim.kind !== 'amount') continue;
    const key = indicatorOf(placed.claim.subject);
    if (key) statements.push({ key, amount: placed.claim.amount, location: textRef(placed), where: '文中' });
  }
  statements.push(...tableStatements(tables));

  const byKey = new Map<string, Statement[]>();
  for (const s of statements) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  for (const [key, group] of byKey) {
    const counts = new Map<string, number>();
    for (const s of group) counts.set(`${s.amount.unit}|${s.amount.value.toFixed(2)}`, (counts.get(`${s.amount.unit}|${s.amount.value.toFixed(2)}`) ?? 0) + 1);
    const reported = new Set<Statement>();
    for (const a of group) {
      for (const b of group) {
        if (a === b || reported.has(a) || a.amount.unit !== b.amount.unit) continue;
        const countA = counts.get(`${a.amount.unit}|${a.amount.value.toFixed(2)}`)!;
        const countB = counts.get(`${b.amount.unit}|${b.amount.value.toFixed(2)}`)!;
        // Report the rarer statement against the more frequent one (or the later of two).
        if (countA > countB || (countA === countB && statements.indexOf(a) < statements.indexOf(b))) continue;
        const swap = isAdjacentSwap(a.amount.value, b.amount.value);
        const ulp = new Decimal(10).pow(-Math.max(a.amount.decimals, b.amount.decimals, 2));
        const oneOff = a.amount.value.minus(b.amount.value).abs().equals(ulp);
        if (!swap && !oneOff) continue;
        outcome.checksRun += 1;
        reported.add(a);
        outcome.findings.push({
          rule: 'text.repeated',
          severity: swap ? 'error' : 'info',
          message: swap
            ? `「${key}」${a.where}写作 ${a.amount.raw}，${b.where}为 ${b.amount.raw}：相邻两位数字顺序颠倒，同一数字前后不一致。`
            : `「${key}」${a.where}写作 ${a.amount.raw}，${b.where}为 ${b.amount.raw}，同一数字相差 ${ulp.toString()}，可能为尾数误差。`,
          expected: b.amount.value.toString(),
          actual: a.amount.value.toString(),
          difference: a.amount.value.minus(b.amount.value).toString(),
          unit: a.amount.unit,
          location: a.location,
          related: [b.location],
        });
      }
    }
  }
  return outcome;
}

export const repeatedFiguresCheck: DocumentCheck = {
  name: 'text-repeated',
  scope: 'document',
  rules: ['text.repeated'],
  run: (context) => checkRepeatedFigures(context.claims, context.tables),
};
