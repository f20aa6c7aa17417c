import { compactText } from '../amount/normalize';
import type { TableModel } from '../table/model';
import type { BodyRow } from '../table/rows';
import type { Classification } from '../document/classification-names';
import { codesNamed } from '../document/classification-names';
import { agencyOf, departmentCodesOf } from '../document/economic-mapping';
import type { CheckOutcome, DocumentCheck } from './types';
import { emptyOutcome } from './types';
import type { Fact } from './cross-facts';
import { finding, ref, valueAt } from './cross-facts';

/**
 * X-B-08: the same expenditure shown twice, by 政府预算经济分类 and by 部门预算经济分类 (Hunan
 * publishes each 基本支出 table in both views). Each 政府 款 is the sum of the 部门 款 that map to
 * it (rulebook §2.3): 50201 办公经费 = 办公费 + 邮电费 + 差旅费 + 工会经费 + 福利费 + 其他交通费用 …
 * The columns are named, not coded, so names go through the dictionary.
 */

const GOVERNMENT = /政府(?:预算)?(?:支出)?经济分类|[（(]政府预算[)）]/;
const DEPARTMENT = /部门(?:预算)?(?:支出)?经济分类|[（(]部门预算[)）]/;

/** The title without its view, so that the two views of one table pair up. */
function subjectOf(title: string): string {
  return compactText(title)
    .replace(/[（(][^（）()]*经济分类[^（）()]*[)）]|[（(](?:政府|部门)预算[)）]/g, '')
    .replace(/[-—－–]+/g, '-');
}

function totalRow(table: TableModel): BodyRow | undefined {
  const panel = table.panels[0];
  if (!panel) return undefined;
  return panel.rows.find((r) => r.role === 'total') ?? panel.rows[0];
}

/** 款 code → amount of the total row, from columns named after 款 of the given classification. */
function sectionsByColumn(table: TableModel, classification: Classification): Map<string, Fact> {
  const result = new Map<string, Fact>();
  const row = totalRow(table);
  const panel = table.panels[0];
  if (!row || !panel) return result;
  for (const column of panel.amountColumns) {
    const name = compactText(column.path.at(-1)?.label ?? '');
    if (!name || /合计|总计|小计/.test(name)) continue;
    const entries = codesNamed(name).filter((e) => e.classification === classification && e.level === 2);
    if (entries.length !== 1) continue;
    const code = entries[0]!.code;
    const value = valueAt(row, column.index);
    if (!value || result.has(code)) continue;
    result.set(code, { table, ...value, refs: [ref(table, row, column.index, `${row.label || '合计'}·${column.label}`)], label: name });
  }
  return result;
}

function checkPair(government: TableModel, department: TableModel, outcome: CheckOutcome): void {
  const gov = sectionsByColumn(government, 'government-economic');
  const dep = sectionsByColumn(department, 'department-economic');
  if (!gov.size || !dep.size) return;
  // Templates print every column; the ones with money say whether the unit is a 机关 or a 事业单位.
  const agency = agencyOf([...gov].filter(([, f]) => !f.value.isZero()).map(([code]) => code));
  if (!agency) return;
  for (const [code, fact] of gov) {
    const parts = (departmentCodesOf(code, agency) ?? []).map((c) => dep.get(c)).filter((f): f is Fact => Boolean(f));
    if (!parts.length) continue;
    const sum: Fact = {
      table: department,
      value: parts.reduce((acc, p) => acc.plus(p.value), parts[0]!.value.minus(parts[0]!.value)),
      decimals: Math.max(...parts.map((p) => p.decimals)),
      refs: parts.flatMap((p) => p.refs),
      label: parts.map((p) => p.label).join('+'),
    };
    finding('cross.economic-mapping', `政府经济分类 ${code}「${fact.label}」= 部门经济分类 ${parts.map((p) => p.label).join(' + ')}`, fact, sum, outcome);
  }
}

export function checkEconomicViews(tables: readonly TableModel[]): CheckOutcome {
  const outcome = emptyOutcome();
  const withUnit = tables.filter((t) => t.unit);
  const governments = withUnit.filter((t) => GOVERNMENT.test(compactText(t.title)));
  const departments = withUnit.filter((t) => DEPARTMENT.test(compactText(t.title)));
  for (const government of governments) {
    const subject = subjectOf(government.title);
    const department = departments.find((d) => subjectOf(d.title) === subject && d.kind === government.kind);
    if (department) checkPair(government, department, outcome);
  }
  return outcome;
}

export const economicViewsCheck: DocumentCheck = {
  name: 'cross-economic',
  scope: 'document',
  rules: ['cross.economic-mapping'],
  run: (context) => checkEconomicViews(context.tables),
};
