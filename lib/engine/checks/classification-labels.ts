import type { TextBlock } from '../source';
import type { CellRef } from '../report/schema';
import type { TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { CodeName } from '../document/classification-names';
import { LEVEL_NAMES, classificationOf, codeName, codesNamed, isOldName, nameFits, nameKeyOf } from '../document/classification-names';
import { functionClassByName } from '../document/function-classes';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import { cellRefAt } from './sum-identity';

/**
 * Code ↔ name labels (rulebook C-02, N-09), always warnings: a row whose code and name belong to
 * two different entries of the dictionary (a 类 code with another 类's name), a name the text
 * gives a code in parentheses that belongs to another code ("社会福利和救助（509）": 509 is the 类
 * 对个人和家庭的补助, 社会福利和救助 is 款 50901), and pre-2019 class names in a later year's
 * tables (医疗卫生与计划生育 for 卫生健康). Local 项 names vary, so a name the dictionary does not
 * know is never a finding.
 */

/** Names the classification gives to other codes at the same level: the only clear contradiction. */
function contradicting(entry: CodeName, name: string): CodeName[] {
  if (nameFits(entry, name)) return [];
  // A shortened or lengthened own name ("医疗费" for 医疗费补助) is a local variant, not another code's name.
  const key = nameKeyOf(name);
  if ([entry.name, ...(entry.oldNames ?? [])].some((n) => nameKeyOf(n).includes(key) || key.includes(nameKeyOf(n)))) return [];
  // 项 names repeat under every 款 (行政运行, 事业运行): a 项 contradicts only a sibling's name (2101501 named 一般行政管理事务).
  return codesNamed(name).filter(
    (other) => other.code !== entry.code && other.classification === entry.classification && other.level === entry.level && (entry.level < 3 || other.code.slice(0, 5) === entry.code.slice(0, 5)),
  );
}

function labelCol(table: TableModel, row: BodyRow): number {
  const panel = table.panels.find((p) => p.rows.includes(row));
  return panel?.columns.find((c) => c.kind === 'text')?.index ?? 0;
}

const ECONOMIC_REFORM_YEAR = 2018;

const ENUMERATOR = /^[一二三四五六七八九十]{1,3}[、.．]|^[（(][一二三四五六七八九十]{1,3}[)）]/;

function rowName(row: BodyRow): string {
  // A table that prints two classifications side by side joins both names into the label; the first is the row's.
  return row.label.split(' ')[0] ?? '';
}

function checkRows(table: TableModel, year: number | undefined, outcome: CheckOutcome): void {
  const stale: Array<{ ref: CellRef; name: string; current: string; code: string }> = [];
  for (const panel of table.panels) {
    for (const row of panel.rows) {
      const name = rowName(row);
      if (!name) continue;
      if (row.code && row.code.kind !== 'unit') {
        const entry = codeName(row.code.code);
        if (!entry || classificationOf(row.code.code) !== entry.classification) continue;
        // The economic classifications were recoded in 2018 (30311 was 住房公积金 before): older years are not compared.
        if (entry.classification !== 'function' && (year === undefined || year < ECONOMIC_REFORM_YEAR)) continue;
        outcome.checksRun += 1;
        const others = contradicting(entry, name);
        if (!others.length) {
          outcome.passed += 1;
          if (year !== undefined && year >= 2019 && isOldName(entry, name)) stale.push({ ref: cellRefAt(table, row.row, labelCol(table, row), `${row.code.code} ${name}`), name, current: entry.name, code: entry.code });
          continue;
        }
        const level = LEVEL_NAMES[entry.level];
        outcome.findings.push({
          rule: 'label.name',
          severity: 'warning',
          message: `科目 ${entry.code} 的名称应为「${entry.name}」，表中写作「${name}」，那是${level} ${others.map((o) => o.code).join('、')} 的名称：编码与名称不符。`,
          location: cellRefAt(table, row.row, labelCol(table, row), `${row.code.code} ${name}`),
          related: [],
        });
      } else if (year !== undefined && year >= 2019 && !row.code) {
        // 收支总表 rows name the classes without codes ("七、医疗卫生与计划生育支出").
        const bare = name.replace(ENUMERATOR, '');
        const code = functionClassByName(bare);
        const entry = code ? codeName(code) : undefined;
        if (entry && isOldName(entry, bare)) stale.push({ ref: cellRefAt(table, row.row, labelCol(table, row), name), name: bare, current: entry.name, code: entry.code });
      }
    }
  }
  if (!stale.length) return;
  const names = [...new Map(stale.map((s) => [s.name, s])).values()];
  outcome.findings.push({
    rule: 'label.stale-name',
    severity: 'warning',
    message: `《${table.title || table.id}》用了已停用的旧科目名称（2019 年起的科目名称已更新）：${names.map((s) => `「${s.name}」（${s.code} 今为「${s.current}」）`).join('、')}。`,
    location: stale[0]!.ref,
    related: stale.slice(1).map((s) => s.ref),
  });
}

const CODE_IN_TEXT = /([\p{Script=Han}()（）]{2,24})[（(]\s*((?:2|3|5)\d{2}(?:\d{2}){0,2})\s*[)）]/gu;
const MAX_TEXT = 20_000;

/** "社会福利和救助（509）": the name before a code in parentheses must be that code's (004-04). */
function checkText(blocks: readonly TextBlock[], year: number | undefined, outcome: CheckOutcome): void {
  for (const block of blocks) {
    const raw = block.text.slice(0, MAX_TEXT);
    // Full-width digits and parentheses ("（５０９）") are common; NFKC keeps offsets when lengths agree.
    const text = raw.normalize('NFKC');
    const sameOffsets = text.length === raw.length;
    if (!/[（(]\s*[235]\d{2}/.test(text)) continue;
    CODE_IN_TEXT.lastIndex = 0;
    for (let m = CODE_IN_TEXT.exec(text); m; m = CODE_IN_TEXT.exec(text)) {
      const code = m[2]!;
      const entry = codeName(code);
      if (!entry || (entry.classification !== 'function' && year !== undefined && year < ECONOMIC_REFORM_YEAR)) continue;
      const before = m[1]!.replace(/[()（）]+$/, '');
      // The longest tail of the words before the parenthesis that the dictionary knows.
      let known: { name: string; entries: CodeName[] } | null = null;
      for (let start = 0; start <= before.length - 2 && !known; start += 1) {
        const name = before.slice(start);
        const entries = codesNamed(name).filter((e) => e.classification === entry.classification);
        if (entries.length) known = { name, entries };
      }
      if (!known) continue;
      outcome.checksRun += 1;
      if (known.entries.some((e) => e.code === entry.code)) {
        outcome.passed += 1;
        continue;
      }
      const other = known.entries[0]!;
      const start = m.index + m[1]!.length - known.name.length - (m[1]!.length - before.length);
      const end = m.index + m[0].length;
      outcome.findings.push({
        rule: 'label.text-name',
        severity: 'warning',
        message: `文中「${known.name}（${code}）」编码与名称不符：${code} 是${LEVEL_NAMES[entry.level]}「${entry.name}」，「${known.name}」是${LEVEL_NAMES[other.level]} ${other.code}。`,
        location: { text: text.slice(start, end), anchor: block.anchor, ...(sameOffsets ? { start, end } : {}), ...(block.page ? { page: block.page } : {}) },
        related: [],
      });
    }
  }
}

export function checkClassificationLabels(tables: readonly TableModel[], blocks: readonly TextBlock[], year?: number): CheckOutcome {
  const outcome = emptyOutcome();
  for (const table of tables) checkRows(table, year, outcome);
  checkText(blocks, year, outcome);
  return outcome;
}

export const classificationLabelsCheck: DocumentCheck = {
  name: 'classification-labels',
  scope: 'document',
  rules: ['label.name', 'label.stale-name', 'label.text-name'],
  run: (context) => checkClassificationLabels(context.tables, context.blocks, context.identity.year),
};
