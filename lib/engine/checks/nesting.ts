import Decimal from 'decimal.js';
import type { CellValue } from '../amount/parse';
import { amountOrZero } from '../amount/parse';

function valueOf(cell: CellValue | undefined): Decimal | null {
  return cell ? amountOrZero(cell) : null;
}

/**
 * Unnumbered lists hide their hierarchy ("公务用车购置及运行费" followed by its 购置费 and 运行费).
 * An item that equals exactly the sum of two or more non-zero items right after it is taken as their
 * parent, and those items are dropped, so that nested rows are not counted twice.
 * `minChildren` says how many non-zero children make an item a parent (0: it cannot be one).
 * Returns the indices of the items that remain at the top.
 */
export function topLevelIndices(values: Array<CellValue | undefined>, minChildren: (index: number) => number = () => 2): number[] {
  const kept: number[] = [];
  let i = 0;
  while (i < values.length) {
    kept.push(i);
    const parent = valueOf(values[i]);
    let next = i + 1;
    const needed = minChildren(i);
    if (parent && !parent.isZero() && needed > 0) {
      let sum = new Decimal(0);
      let shown = 0;
      for (let j = i + 1; j < values.length; j += 1) {
        const v = valueOf(values[j]);
        if (v === null) break;
        sum = sum.plus(v);
        if (!v.isZero()) shown += 1;
        if (sum.equals(parent) && shown >= needed) {
          next = j + 1;
          break;
        }
        if (sum.greaterThan(parent) && !v.isNegative()) break;
      }
    }
    i = next;
  }
  return kept;
}
