import type { Category, Severity } from '../report/schema';
import type { CategoryGroup } from '../report/groups';

/**
 * Every rule Budget Lens reports, as data: the one place that says what a rule id means, which
 * family it belongs to, what kind of fault it is (`category`, a report field), where the popup
 * lists it (`group`), the most severe level it may report, and which rulebook section it
 * implements (docs/rulebook.md). docs/rules.md is generated from this table
 * (`npm run rules:doc`); a test fails when a rule is missing there, when a check emits a rule it
 * does not declare, or when a rule has no failing and no passing case (test/rules/).
 */

export const FAMILIES = ['sum', 'perf', 'label', 'cross', 'doc', 'text'] as const;
export type Family = (typeof FAMILIES)[number];

export interface RuleEntry {
  family: Family;
  category: Category;
  group: CategoryGroup;
  /** The most severe level the rule reports; the runner never lets a finding exceed it. */
  severity: Severity;
  zh: string;
  en: string;
  /** Rulebook sections and rule ids it implements (docs/rulebook.md). */
  rulebook: readonly string[];
}

const rule = (entry: RuleEntry): RuleEntry => entry;

export const RULES = {
  // Table-internal arithmetic (rulebook §2.4, §3.1, §3.2)
  'sum.code-hierarchy': rule({
    family: 'sum', category: 'sum', group: 'table', severity: 'error',
    zh: '科目上下级：类 = 各款之和，款 = 各项之和，合计 = 各类之和；部门、单位行按平行合计相加',
    en: 'Classification hierarchy: a class is the sum of its sections, a section of its items, the total of the top codes; unit rows add up as parallel totals',
    rulebook: ['§2.4', 'B-T2-02', 'B-T3-04', 'B-T6-02'],
  }),
  'sum.rows': rule({
    family: 'sum', category: 'sum', group: 'table', severity: 'error',
    zh: '无编码清单的合计行：合计 = 各项（或各小计）之和，编号行 = 其下级编号行之和，收入总计 = 本年收入合计 + 其后各行',
    en: 'Totals of uncoded lists: a total is the sum of its items (or subtotals), a numbered line of its numbered sub-lines, 收入总计 = 本年收入合计 + the lines after it',
    rulebook: ['B-T1-01', 'B-T1-03', 'B-T1-04', 'D-01-1', 'D-01-2', 'D-01-4'],
  }),
  'sum.columns': rule({
    family: 'sum', category: 'sum', group: 'table', severity: 'error',
    zh: '按表头逐行核对列关系：合计 = 基本支出 + 项目支出，小计 = 人员经费 + 公用经费，组合计 = 其下各列之和',
    en: 'Column identities read from the header, row by row: 合计 = 基本支出 + 项目支出, 小计 = 人员经费 + 公用经费, a group total = the sum of its columns',
    rulebook: ['B-T3-01', 'B-T3-02', 'B-T5-01', 'B-T6-01', 'B-T7-01'],
  }),
  'sum.balance': rule({
    family: 'sum', category: 'sum', group: 'table', severity: 'error',
    zh: '收支总表平衡：收入总计 = 支出总计，各栏本年支出合计相同',
    en: 'Summary balance: 收入总计 = 支出总计, and every expense view states the same 本年支出合计',
    rulebook: ['B-T1-05', 'D-01-5'],
  }),
  'sum.three-public': rule({
    family: 'sum', category: 'sum', group: 'table', severity: 'error',
    zh: '“三公”经费按行列示：合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费，公务用车购置及运行费 = 购置费 + 运行费',
    en: '三公 expenses listed as rows: total = travel abroad + official vehicles + reception; vehicles = purchase + running costs',
    rulebook: ['B-T7-01', 'B-T7-02', 'D-07-1'],
  }),
  'sum.blank-total': rule({
    family: 'sum', category: 'structure', group: 'table', severity: 'warning',
    zh: '合计栏为空而分项有数：疑似漏填',
    en: 'A total left blank while its parts carry amounts: probably left out',
    rulebook: ['§2.4(5)'],
  }),
  'sum.misaligned': rule({
    family: 'sum', category: 'structure', group: 'table', severity: 'warning',
    zh: '金额错位一列：按表头读取不符，移一列后全部相符',
    en: 'Amounts one column off: the identities fail as the header reads but hold once the amounts are moved by one column',
    rulebook: ['§5(2)'],
  }),

  // Performance forms (rulebook §3.5)
  'perf.unit': rule({
    family: 'perf', category: 'unit', group: 'table', severity: 'error',
    zh: '绩效指标的度量单位与指标名称相符（金额不以人次计，人次不以元计）',
    en: 'A performance indicator’s unit fits its name (an amount is not counted in 人次, a head count not in 元)',
    rulebook: ['P-02'],
  }),
  'perf.rate': rule({
    family: 'perf', category: 'share', group: 'table', severity: 'error',
    zh: '绩效自评表：执行率 = 全年执行数 ÷ 全年预算数',
    en: 'Self-evaluation forms: 执行率 = 全年执行数 ÷ 全年预算数',
    rulebook: ['P-05', '§6.4'],
  }),
  'perf.cost-cap': rule({
    family: 'perf', category: 'sum', group: 'table', severity: 'warning',
    zh: '成本指标的上限不高于项目本身的预算',
    en: 'A cost indicator’s cap does not exceed the project’s own budget',
    rulebook: ['P-04'],
  }),

  // Codes and names (rulebook §2.1–2.3)
  'label.code': rule({
    family: 'label', category: 'label', group: 'table', severity: 'warning',
    zh: '科目编码格式：功能分类的类为三位，款、项为两位',
    en: 'Code format: a functional class has three digits, sections and items two',
    rulebook: ['C-01', '§2.1'],
  }),
  'label.name': rule({
    family: 'label', category: 'label', group: 'table', severity: 'warning',
    zh: '表中科目编码与名称相符（名称不是另一科目的名称）',
    en: 'A table row’s code and name belong together (the name is not another code’s)',
    rulebook: ['C-02'],
  }),
  'label.text-name': rule({
    family: 'label', category: 'label', group: 'text', severity: 'warning',
    zh: '文中“名称（编码）”的编码与名称相符',
    en: 'A name followed by a code in parentheses in the text names that code',
    rulebook: ['C-02', 'N-09'],
  }),
  'label.stale-name': rule({
    family: 'label', category: 'label', group: 'table', severity: 'warning',
    zh: '2019 年起不再使用的旧科目名称',
    en: 'Class names retired in 2019 used in a later year’s tables',
    rulebook: ['§2.1', 'C-02'],
  }),

  // Between tables (rulebook §3.3)
  'cross.classes': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '各功能类金额在收支总表与支出总表（财政拨款收支总表与一般公共预算支出表）中一致',
    en: 'Each functional class has the same amount in the summary and in the expenditure table (and in the fiscal summary and the general budget table)',
    rulebook: ['X-B-03', 'X-B-04', 'X-D-02', 'X-D-03'],
  }),
  'cross.totals': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '收支总表的本年支出合计 = 支出总表的合计',
    en: 'The summary’s 本年支出合计 equals the expenditure table’s total',
    rulebook: ['X-B-02', 'X-D-02'],
  }),
  'cross.economic': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '基本支出明细表的经济分类各款与一般公共预算基本支出表一致',
    en: 'The economic lines of a basic-expenditure detail table equal those of the general basic-expenditure table',
    rulebook: ['X-B-05', 'X-B-09'],
  }),
  'cross.columns': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '一般公共预算支出即全部支出时，其基本支出、项目支出与支出总表一致',
    en: 'When the general budget carries all spending, its 基本支出 and 项目支出 equal the expenditure table’s',
    rulebook: ['X-B-02'],
  }),
  'cross.basic': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '一般公共预算支出表的基本支出（人员经费、公用经费）= 基本支出表的合计',
    en: 'The general budget table’s 基本支出 (人员经费, 公用经费) equals the basic-expenditure table’s totals',
    rulebook: ['X-B-05', 'X-D-05'],
  }),
  'cross.item-economic': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'warning',
    zh: '由单一经济科目列支的功能科目项（如 2210201 住房公积金 ↔ 30113）金额一致',
    en: 'A functional item paid from one economic section (2210201 ↔ 30113 …) carries that section’s amount',
    rulebook: ['X-D-07'],
  }),
  'cross.three-public': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'warning',
    zh: '基本支出的 30212、30217、30231、31013 不超过“三公”经费表的对应项目',
    en: 'The basic-expenditure lines 30212, 30217, 30231, 31013 do not exceed the 三公 table’s items',
    rulebook: ['X-B-06', 'X-D-06'],
  }),
  'cross.income': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '收入总表各来源与收支总表、财政拨款收支总表的收入行一致',
    en: 'The income table’s sources equal the summary’s (and the fiscal summary’s) income lines',
    rulebook: ['X-B-01', 'X-D-01'],
  }),
  'cross.blank-line': rule({
    family: 'cross', category: 'structure', group: 'table', severity: 'warning',
    zh: '两张总表应列同一收入行，一张有数而另一张空白',
    en: 'An income line both summary tables print, filled in one and blank in the other',
    rulebook: ['X-B-01'],
  }),
  'cross.economic-mapping': rule({
    family: 'cross', category: 'sum', group: 'table', severity: 'error',
    zh: '政府经济分类各款 = 所对应的部门经济分类各款之和',
    en: 'Each government economic section equals the sum of the department sections mapped to it',
    rulebook: ['X-B-08', '§2.3'],
  }),

  // The document as a set of tables (rulebook §1)
  'doc.required': rule({
    family: 'doc', category: 'structure', group: 'table', severity: 'warning',
    zh: '必需的公开表格齐全',
    en: 'Every required table is published',
    rulebook: ['§1.1', '§1.2', '§1.3'],
  }),
  'doc.empty-table': rule({
    family: 'doc', category: 'structure', group: 'table', severity: 'warning',
    zh: '空表应注明原因，且不与收支总表矛盾',
    en: 'An empty table carries a note, and the summary does not show money for it',
    rulebook: ['§1.1'],
  }),
  'doc.contents': rule({
    family: 'doc', category: 'structure', group: 'table', severity: 'warning',
    zh: '目录与正文中的表格一致',
    en: 'The table of contents lists the tables the document has',
    rulebook: ['§1.2', '§1.3'],
  }),

  // The narrative (rulebook §3.4)
  'text.amount': rule({
    family: 'text', category: 'text-vs-table', group: 'text', severity: 'error',
    zh: '文中金额与表中对应行一致（按单位精确换算，在文字自身位数的尾数误差内）',
    en: 'An amount the text states for a named row equals that row (converted exactly between units, within the rounding of the text’s decimals)',
    rulebook: ['N-01', 'N-12', '§6.2', '§6.3'],
  }),
  'text.unit': rule({
    family: 'text', category: 'unit', group: 'text', severity: 'error',
    zh: '文中金额单位写错（以元计的表值写成万元，列举中混入其他单位）',
    en: 'A unit slip in the text (a table’s 万元 figure written as 元, another unit inside a list)',
    rulebook: ['N-02'],
  }),
  'text.label': rule({
    family: 'text', category: 'label', group: 'text', severity: 'warning',
    zh: '文中类、款、项的名称与层级和表中一致',
    en: 'The class, section and item names and levels in the text match the tables',
    rulebook: ['N-09', 'C-02'],
  }),
  'text.completion': rule({
    family: 'text', category: 'share', group: 'text', severity: 'error',
    zh: '完成率 = 决算数 ÷ 年初预算数（预算为零时不能有完成率）',
    en: 'A completion rate is the final amount over the budget (none on a zero budget)',
    rulebook: ['N-05', '§6.4'],
  }),
  'text.direction': rule({
    family: 'text', category: 'direction', group: 'text', severity: 'error',
    zh: '决算数“大于/小于/等于”年初预算数的说法与数字相符',
    en: '大于/小于/等于 between the final amount and the budget agrees with the figures',
    rulebook: ['N-06'],
  }),
  'text.change': rule({
    family: 'text', category: 'yoy', group: 'yoy', severity: 'error',
    zh: '同比增减：方向词一致，增减率 = 变动额 ÷ 上年数（上年为零时不能有增减率）',
    en: 'Year-over-year: the direction words agree, the rate is the change over last year’s amount (none on a zero base)',
    rulebook: ['N-04', '§6.4'],
  }),
  'text.share': rule({
    family: 'text', category: 'share', group: 'text', severity: 'error',
    zh: '占比 = 金额 ÷ 其所占的总数（区间法），并识别用错的分母',
    en: 'A share is its amount over its whole (interval method); a wrong denominator is named',
    rulebook: ['N-03', '§6.4'],
  }),
  'text.share-sum': rule({
    family: 'text', category: 'share', group: 'text', severity: 'error',
    zh: '同一句列出的各项占比合计为 100%',
    en: 'The shares listed together in one sentence add up to 100%',
    rulebook: ['N-03', '§6.4(a)'],
  }),
  'text.enumeration': rule({
    family: 'text', category: 'sum', group: 'text', severity: 'error',
    zh: '文中“X，其中 a、b、c”的列举不超过总数，接近时在尾数误差内相等',
    en: 'A list in the text (“X, of which a, b, c”) does not exceed its whole, and matches it within rounding when close',
    rulebook: ['N-07', '§6.1'],
  }),
  'text.repeated': rule({
    family: 'text', category: 'text-vs-table', group: 'text', severity: 'error',
    zh: '同一指标在文中、表中多处披露时前后一致（相邻数字颠倒为错误）',
    en: 'The same indicator disclosed in several places agrees (adjacent digits swapped is an error)',
    rulebook: ['N-08', 'N-12'],
  }),
  'text.count': rule({
    family: 'text', category: 'sum', group: 'text', severity: 'error',
    zh: '文中“共 N 辆，其中 …”列出的数量不超过总数',
    en: 'Counts listed in the text (“N vehicles, of which …”) do not exceed the whole',
    rulebook: ['N-10'],
  }),
  'text.project-count': rule({
    family: 'text', category: 'text-vs-table', group: 'text', severity: 'warning',
    zh: '文中“共 N 个项目”与项目支出表所列项目数一致',
    en: '“N projects” in the text matches the number of projects the project table lists',
    rulebook: ['N-10'],
  }),
  'text.year': rule({
    family: 'text', category: 'wording', group: 'text', severity: 'error',
    zh: '文中说明的年度与文件年度一致（沿用上年文本）',
    en: 'The year the text names for the document is the document’s year (text carried over from another year)',
    rulebook: ['N-15'],
  }),
  'text.placeholder': rule({
    family: 'text', category: 'wording', group: 'text', severity: 'warning',
    zh: '模板残留：XX、某某、“增加（减少）”、“主要原因是”后无内容',
    en: 'Template residue: XX, 某某, both directions left standing, a reason announced and not given',
    rulebook: ['N-13'],
  }),
  'text.percent-sign': rule({
    family: 'text', category: 'wording', group: 'text', severity: 'warning',
    zh: '占比、增长率、完成率后缺少百分号',
    en: 'A share, rate or completion figure written without its percent sign',
    rulebook: ['N-14'],
  }),
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

export function ruleEntry(id: RuleId): RuleEntry {
  return RULES[id];
}

export function categoryOf(id: RuleId): Category {
  return RULES[id].category;
}
