/**
 * Which disclosure table is which, by title (rulebook §1.2, §1.3: match by title, never by number).
 *
 * The catalogue is data: a region's new aliases are new patterns or entries here, not code.
 * Patterns run against `matchKey(title)` (NFKC, no whitespace, no quotes, ASCII parentheses, every
 * dash run as one "-"), so they are written without quotes or spaces and with "(" for "（".
 * A string pattern means "contains"; a RegExp is tested as written.
 *
 * Order matters: the first entry with a matching pattern wins, so titles that contain another
 * title come first (财政拨款收支总表 before 收支总表, 一般公共预算基本支出表 before 一般公共预算支出表,
 * 政府性基金… before the generic 支出表, anything with 三公 or 绩效 before everything else).
 * Quantifiers are bounded so that a hostile 10,000-character "title" cannot make a pattern quadratic.
 */

export const TABLE_KIND_IDS = [
  'income-expense-summary',
  'income-summary',
  'expense-summary',
  'expense-by-class',
  'fiscal-summary',
  'fiscal-expense',
  'fiscal-basic-expense',
  'general-expense',
  'general-expense-economic',
  'general-basic-expense',
  'general-basic-function',
  'basic-expense-detail',
  'three-public',
  'fund-expense',
  'fund-economic-summary',
  'state-capital-expense',
  'special-account',
  'special-funds',
  'project-expense',
  'procurement',
  'operating-expense',
  'economic-summary',
  'performance-overall',
  'performance-project',
  'contents',
  'unknown',
] as const;

export type TableKind = (typeof TABLE_KIND_IDS)[number];

/** Budget (部门预算) tables, final-account (部门决算, 公开01–09表) tables, or either. */
export type TableFamily = 'budget' | 'final' | 'both';

export interface TableKindEntry {
  kind: TableKind;
  /** Canonical Chinese name for this family, as the report shows it. */
  name: string;
  family: TableFamily;
  patterns: ReadonlyArray<RegExp | string>;
  /** One of the standard tables every disclosure of this family must publish (possibly empty, with a note). */
  required?: boolean;
}

/**
 * Something that may stand right before a summary table's own words: the start, a department or
 * unit word, a year ("2024年部门支出预算表"), a closing parenthesis ("部门(单位)收入总表") or the end
 * of an organisation's name. Keeps the generic 收入/支出 entries from claiming "XX支出表" titles.
 */
const LEAD = '(?:^|部门|单位|综合预算|本级|\\)|年|度|[局厅委办处院会心站所])';

export const TABLE_KINDS: readonly TableKindEntry[] = [
  // The 目录 (table of contents) some templates publish as a table (seed 004: 报表名称 / 是否空表 / 理由).
  { kind: 'contents', family: 'both', name: '目录', patterns: [/^(?:报表)?目录$/, /^公开(?:报)?表目录$/] },

  // 三公 first: "一般公共预算“三公”经费支出表" also reads as a 一般公共预算 table.
  { kind: 'three-public', family: 'final', required: true, name: '财政拨款“三公”经费支出决算表', patterns: [/三公.{0,24}决算/] },
  { kind: 'three-public', family: 'budget', required: true, name: '一般公共预算“三公”经费支出表', patterns: ['三公'] },

  // Performance tables name 项目支出 / 专项资金 too, so they precede those.
  { kind: 'performance-overall', family: 'final', name: '部门整体支出绩效自评表', patterns: [/整体.{0,10}绩效.{0,8}(?:自评|评价)/] },
  { kind: 'performance-overall', family: 'budget', name: '部门整体支出绩效目标表', patterns: [/整体.{0,10}绩效/] },
  { kind: 'performance-project', family: 'final', name: '项目支出绩效自评表', patterns: [/绩效.{0,6}(?:自评|评价)/] },
  { kind: 'performance-project', family: 'budget', name: '项目支出绩效目标表', patterns: ['绩效'] },

  // Hunan's 基本支出 detail tables by economic 类 ("…基本支出表--人员经费(工资福利支出)(按政府预算经济分类)",
  // "基本支出预算明细表-单位运转经费支出预算表"); the seed-000 table of contents abbreviates them.
  {
    kind: 'basic-expense-detail',
    family: 'budget',
    name: '基本支出预算明细表',
    patterns: [
      /基本支出(?:预算)?(?:明细)?表-/,
      /基本支出(?:预算)?明细表\((?:工资福利|一般商品|商品和服务|对个人|人员经费|公用经费|单位运转)/,
      /^(?:工资福利|个人家庭|商品服务)(?:\((?:政府|部门)预算\))?$/,
    ],
  },

  { kind: 'fund-economic-summary', family: 'budget', name: '政府性基金预算支出分类汇总表', patterns: [/政府性基金.{0,16}(?:分类汇总|经济分类)/, /^政府性基金\((?:政府|部门)预算\)$/] },
  { kind: 'fund-expense', family: 'final', required: true, name: '政府性基金预算财政拨款收入支出决算表', patterns: [/政府性基金.{0,24}决算/] },
  { kind: 'fund-expense', family: 'budget', required: true, name: '政府性基金预算支出表', patterns: ['政府性基金'] },
  { kind: 'state-capital-expense', family: 'final', required: true, name: '国有资本经营预算财政拨款支出决算表', patterns: [/国有资本经营.{0,24}决算/] },
  { kind: 'state-capital-expense', family: 'budget', required: true, name: '国有资本经营预算支出表', patterns: ['国有资本经营'] },
  { kind: 'special-account', family: 'budget', name: '财政专户管理资金预算支出表', patterns: ['财政专户', '专户管理'] },
  { kind: 'procurement', family: 'both', name: '政府采购预算表', patterns: ['政府采购'] },
  { kind: 'operating-expense', family: 'both', name: '机关运行经费支出预算表', patterns: ['机关运行经费'] },
  { kind: 'special-funds', family: 'budget', name: '专项资金预算汇总表', patterns: [/专项资金.{0,8}汇总/, /专项资金(?:支出)?预算表/] },
  {
    kind: 'project-expense',
    family: 'budget',
    name: '项目支出表',
    patterns: [/项目支出.{0,10}表/, /项目(?:预算)?明细表/, /专项业务经费.{0,8}(?:支出|预算)/, /^项目(?:预算)?表/],
  },
  {
    kind: 'economic-summary',
    family: 'budget',
    name: '支出经济分类汇总表',
    patterns: ['分类汇总', /经济分类.{0,6}汇总/, /^支出分类\((?:政府|部门)预算\)$/],
  },

  // 一般公共预算 tables: 基本 before plain, economic views before the functional default.
  { kind: 'general-basic-function', family: 'budget', name: '一般公共预算基本支出明细表（按支出功能分类科目）', patterns: [/一般(?:公共)?预算.{0,10}基本支出.{0,12}功能(?:分类|科目)/] },
  { kind: 'general-basic-expense', family: 'final', required: true, name: '一般公共预算财政拨款基本支出决算表', patterns: [/一般(?:公共)?预算.{0,10}基本支出.{0,8}决算/] },
  { kind: 'general-basic-expense', family: 'budget', required: true, name: '一般公共预算基本支出表', patterns: [/一般(?:公共)?预算.{0,10}基本支出/] },
  { kind: 'general-expense-economic', family: 'budget', name: '一般公共预算支出明细表（按支出经济分类科目）', patterns: [/一般(?:公共)?预算.{0,12}支出.{0,14}经济(?:分类|科目)/] },
  { kind: 'general-expense', family: 'final', required: true, name: '一般公共预算财政拨款支出决算表', patterns: [/一般(?:公共)?预算.{0,10}支出.{0,8}决算/] },
  { kind: 'general-expense', family: 'budget', required: true, name: '一般公共预算支出表', patterns: [/一般(?:公共)?预算.{0,10}支出/] },

  // 财政拨款 tables (Jiangsu adds 支出 and 基本支出 tables over all 财政拨款).
  { kind: 'fiscal-basic-expense', family: 'budget', name: '财政拨款基本支出预算表', patterns: ['财政拨款基本支出'] },
  { kind: 'fiscal-summary', family: 'final', required: true, name: '财政拨款收入支出决算总表', patterns: [/财政拨款收入?支出?决算总/] },
  { kind: 'fiscal-summary', family: 'budget', required: true, name: '财政拨款收支总表', patterns: [/财政拨款收入?支出?(?:预算)?总/] },
  { kind: 'fiscal-expense', family: 'budget', name: '财政拨款支出预算表', patterns: ['财政拨款支出'] },

  // The generic summaries last.
  { kind: 'expense-by-class', family: 'budget', name: '部门支出总表（分类）', patterns: [/支出(?:预算)?总表\(分类\)/] },
  { kind: 'income-expense-summary', family: 'final', required: true, name: '收入支出决算总表', patterns: [/收入?支出?决算总表/] },
  {
    kind: 'income-expense-summary',
    family: 'budget',
    required: true,
    name: '收支总表',
    patterns: [/收支(?:预算)?总表/, /收入支出(?:预算)?总表/, new RegExp(`${LEAD}收支(?:预算)?表`)],
  },
  { kind: 'income-summary', family: 'final', required: true, name: '收入决算表', patterns: [new RegExp(`${LEAD}收入决算(?:总)?表`)] },
  { kind: 'income-summary', family: 'budget', required: true, name: '收入总表', patterns: [new RegExp(`${LEAD}收入(?:预算)?(?:总)?表`)] },
  { kind: 'expense-summary', family: 'final', required: true, name: '支出决算表', patterns: [new RegExp(`${LEAD}支出决算(?:总)?表`)] },
  { kind: 'expense-summary', family: 'budget', required: true, name: '支出总表', patterns: [new RegExp(`${LEAD}支出(?:预算)?(?:总)?表`)] },
];

export const UNKNOWN_TABLE: TableKindEntry = { kind: 'unknown', family: 'both', name: '未识别表格', patterns: [] };

/**
 * Header evidence that overrides or supplies the title's verdict. A correction with `from` fixes a
 * title that names the wrong table (seed 001's 附件9 is titled 一般公共预算基本支出情况表 but has
 * 功能科目 rows and a 项目支出 column); one with `from: 'unknown'` names an untitled table.
 * Patterns run against the header text after `matchKey`.
 */
export interface HeaderCorrection {
  from: TableKind;
  header: RegExp;
  to: TableKind;
}

export const HEADER_CORRECTIONS: readonly HeaderCorrection[] = [
  { from: 'general-basic-expense', header: /项目支出/, to: 'general-expense' },
  { from: 'unknown', header: /因公出国.{0,80}公务接待|公务接待.{0,80}因公出国/, to: 'three-public' },
  { from: 'unknown', header: /(?:报表|表格)名称.{0,40}(?:是否空表|空表)/, to: 'contents' },
];

/** The standard tables a disclosure of this family must publish (8+1 budget tables, 公开01–09). */
export function requiredKinds(family: 'budget' | 'final'): TableKind[] {
  const kinds = TABLE_KINDS.filter((e) => e.required && (e.family === family || e.family === 'both')).map((e) => e.kind);
  const rank = (kind: TableKind): number => (STANDARD_ORDER.indexOf(kind) + 1 || STANDARD_ORDER.length + 1);
  return [...new Set(kinds)].sort((a, b) => rank(a) - rank(b));
}

/** The order the standard tables are printed in (收支总表 first), for listing what is missing. */
const STANDARD_ORDER: readonly TableKind[] = [
  'income-expense-summary',
  'income-summary',
  'expense-summary',
  'fiscal-summary',
  'general-expense',
  'general-basic-expense',
  'three-public',
  'fund-expense',
  'state-capital-expense',
];

/** The catalogue entry for a kind in a family (for canonical names), falling back to any family. */
export function kindEntry(kind: TableKind, family?: TableFamily): TableKindEntry {
  if (kind === 'unknown') return UNKNOWN_TABLE;
  return (
    TABLE_KINDS.find((e) => e.kind === kind && (family === undefined || e.family === family || e.family === 'both')) ??
    TABLE_KINDS.find((e) => e.kind === kind) ??
    UNKNOWN_TABLE
  );
}

const QUOTES = /["'“”‘’「」『』〝〞〃＂＇]/g;
const DASHES = /[-‐‑‒–—―─━－~～〜]+/g;

/** The form catalogue patterns are written against. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(QUOTES, '')
    .replace(/[*#]/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(DASHES, '-');
}

export function patternMatches(pattern: RegExp | string, key: string): boolean {
  if (typeof pattern === 'string') return key.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(key);
}
