import { FUNCTION_CLASSES } from './function-classes';

/**
 * Code ↔ name dictionary of the three classifications the tables use (rulebook §2.1–2.3):
 * 支出功能分类 (类 3 / 款 5 / 项 7 digits), 部门预算支出经济分类 (30x, 类 3 / 款 5) and 政府预算支出
 * 经济分类 (50x). Data only: a name seen in a new region goes here, not into code.
 *
 * 功能分类 项 names vary locally, so only the ones the standard fixes (and the seeds show) are here;
 * `oldNames` are the names in force before 2019 that stale templates still print.
 */
export type Classification = 'function' | 'department-economic' | 'government-economic';

export interface CodeName {
  code: string;
  name: string;
  oldNames?: readonly string[];
  classification: Classification;
  /** 1 = 类, 2 = 款, 3 = 项. */
  level: 1 | 2 | 3;
}

type Names = Record<string, string | { name: string; oldNames: string[] }>;

/** 功能分类 款 and the 项 the seeds and the rulebook show. */
const FUNCTION_NAMES: Names = {
  '20101': '人大事务',
  '20102': '政协事务',
  '20103': '政府办公厅(室)及相关机构事务',
  '20104': '发展与改革事务',
  '20105': '统计信息事务',
  '20106': '财政事务',
  '20107': '税收事务',
  '20108': '审计事务',
  '20111': '纪检监察事务',
  '20113': '商贸事务',
  '20126': '档案事务',
  '20129': '群众团体事务',
  '20131': '党委办公厅(室)及相关机构事务',
  '20132': '组织事务',
  '20133': '宣传事务',
  '20199': '其他一般公共服务支出',
  '20801': '人力资源和社会保障管理事务',
  '2080107': '社会保险业务管理事务',
  '2080108': '信息化建设',
  '2080109': '社会保险经办机构',
  '20802': '民政管理事务',
  '20805': '行政事业单位养老支出',
  '2080501': '行政单位离退休',
  '2080502': '事业单位离退休',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2080506': '机关事业单位职业年金缴费支出',
  '20807': '就业补助',
  '2080704': '社会保险补贴',
  '2080705': '公益性岗位补贴',
  '20808': '抚恤',
  '20899': '其他社会保障和就业支出',
  '21001': { name: '卫生健康管理事务', oldNames: ['医疗卫生与计划生育管理事务'] },
  '2100101': '行政运行',
  '2100102': '一般行政管理事务',
  '2100199': { name: '其他卫生健康管理事务支出', oldNames: ['其他医疗卫生与计划生育管理事务支出'] },
  '21002': '公立医院',
  '21003': '基层医疗卫生机构',
  '21004': '公共卫生',
  '21007': '计划生育事务',
  '21011': '行政事业单位医疗',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '2101199': '其他行政事业单位医疗支出',
  '21012': '财政对基本医疗保险基金的补助',
  '21013': '医疗救助',
  '2101301': '城乡医疗救助',
  '21014': '优抚对象医疗',
  '2101401': '优抚对象医疗补助',
  '21015': '医疗保障管理事务',
  '2101501': '行政运行',
  '2101502': '一般行政管理事务',
  '2101505': '医疗保障政策管理',
  '2101506': '医疗保障经办事务',
  '2101550': '事业运行',
  '2101599': '其他医疗保障管理事务支出',
  '21099': { name: '其他卫生健康支出', oldNames: ['其他医疗卫生与计划生育支出'] },
  '21208': '国有土地使用权出让收入安排的支出',
  '22101': '保障性安居工程支出',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
  '2210202': '提租补贴',
  '2210203': '购房补贴',
  '22103': '城乡社区住宅',
};

/** 部门预算支出经济分类 (rulebook §2.2). */
const DEPARTMENT_ECONOMIC: Names = {
  '301': '工资福利支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30106': '伙食补助费',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30114': '医疗费',
  '30199': '其他工资福利支出',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30203': '咨询费',
  '30204': '手续费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30208': '取暖费',
  '30209': '物业管理费',
  '30211': '差旅费',
  '30212': '因公出国(境)费用',
  '30213': '维修(护)费',
  '30214': '租赁费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30218': '专用材料费',
  '30224': '被装购置费',
  '30225': '专用燃料费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30240': '税金及附加费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助',
  '30301': '离休费',
  '30302': '退休费',
  '30303': '退职(役)费',
  '30304': '抚恤金',
  '30305': '生活补助',
  '30306': '救济费',
  '30307': '医疗费补助',
  '30308': '助学金',
  '30309': '奖励金',
  '30310': '个人农业生产补贴',
  '30311': '代缴社会保险费',
  '30399': '其他对个人和家庭的补助',
  '307': '债务利息及费用支出',
  '309': '资本性支出(基本建设)',
  '310': '资本性支出',
  '31001': '房屋建筑物购建',
  '31002': '办公设备购置',
  '31003': '专用设备购置',
  '31005': '基础设施建设',
  '31006': '大型修缮',
  '31007': '信息网络及软件购置更新',
  '31008': '物资储备',
  '31013': '公务用车购置',
  '31019': '其他交通工具购置',
  '31021': '文物和陈列品购置',
  '31022': '无形资产购置',
  '31099': '其他资本性支出',
  '311': '对企业补助(基本建设)',
  '312': '对企业补助',
  '313': '对社会保障基金补助',
  '399': '其他支出',
};

/** 政府预算支出经济分类 (rulebook §2.3). 503 and 504 share their 款 names. */
const GOVERNMENT_ECONOMIC: Names = {
  '501': '机关工资福利支出',
  '50101': '工资奖金津补贴',
  '50102': '社会保障缴费',
  '50103': '住房公积金',
  '50199': '其他工资福利支出',
  '502': '机关商品和服务支出',
  '50201': '办公经费',
  '50202': '会议费',
  '50203': '培训费',
  '50204': '专用材料购置费',
  '50205': '委托业务费',
  '50206': '公务接待费',
  '50207': '因公出国(境)费用',
  '50208': '公务用车运行维护费',
  '50209': '维修(护)费',
  '50299': '其他商品和服务支出',
  '503': '机关资本性支出(一)',
  '504': '机关资本性支出(二)',
  '505': '对事业单位经常性补助',
  '50501': '工资福利支出',
  '50502': '商品和服务支出',
  '50599': '其他对事业单位补助',
  '506': '对事业单位资本性补助',
  '50601': '资本性支出(一)',
  '50602': '资本性支出(二)',
  '507': '对企业补助',
  '508': '对企业资本性支出',
  '509': '对个人和家庭的补助',
  '50901': '社会福利和救助',
  '50902': '助学金',
  '50903': '个人农业生产补贴',
  '50905': '离退休费',
  '50999': '其他对个人和家庭的补助',
  '510': '对社会保障基金补助',
  '511': '债务利息及费用支出',
  '512': '债务还本支出',
  '513': '转移性支出',
  '514': '预备费及预留',
  '599': '其他支出',
};
for (const prefix of ['503', '504']) {
  const sections: Record<string, string> = { '01': '房屋建筑物购建', '02': '基础设施建设', '03': '公务用车购置', '06': '设备购置', '07': '大型修缮', '99': '其他资本性支出' };
  for (const [suffix, name] of Object.entries(sections)) GOVERNMENT_ECONOMIC[prefix + suffix] = name;
}

function classificationOfCode(code: string): Classification | null {
  if (/^2\d{2}(?:\d{2}){0,2}$/.test(code)) return 'function';
  if (/^3\d{2}(?:\d{2})?$/.test(code)) return 'department-economic';
  if (/^5\d{2}(?:\d{2})?$/.test(code)) return 'government-economic';
  return null;
}

const LEVEL: Record<number, 1 | 2 | 3> = { 3: 1, 5: 2, 7: 3 };

const BY_CODE = new Map<string, CodeName>();
function add(names: Names, classification: Classification): void {
  for (const [code, entry] of Object.entries(names)) {
    const { name, oldNames } = typeof entry === 'string' ? { name: entry, oldNames: undefined } : entry;
    BY_CODE.set(code, { code, name, classification, level: LEVEL[code.length]!, ...(oldNames ? { oldNames } : {}) });
  }
}
for (const [code, entry] of Object.entries(FUNCTION_CLASSES)) {
  const full = (n: string): string => (n.endsWith('支出') ? n : `${n}支出`);
  BY_CODE.set(code, { code, name: full(entry.name), classification: 'function', level: 1, ...(entry.oldNames ? { oldNames: entry.oldNames.map(full) } : {}) });
}
add(FUNCTION_NAMES, 'function');
add(DEPARTMENT_ECONOMIC, 'department-economic');
add(GOVERNMENT_ECONOMIC, 'government-economic');

/**
 * The form names are compared in: NFKC, no spaces or numbering, ASCII parentheses, and no
 * trailing 支出 (tables write "卫生健康支出", the text "卫生健康", both mean 210).
 */
export function nameKeyOf(name: string): string {
  return String(name ?? '')
    .slice(0, 200)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[、.])/, '')
    .replace(/[“”"]/g, '')
    .replace(/支出$/, '');
}

const BY_NAME = new Map<string, CodeName[]>();
for (const entry of BY_CODE.values()) {
  for (const name of [entry.name, ...(entry.oldNames ?? [])]) {
    const key = nameKeyOf(name);
    BY_NAME.set(key, [...(BY_NAME.get(key) ?? []), entry]);
  }
}

export function codeName(code: string): CodeName | undefined {
  return BY_CODE.get(code);
}

/** Every dictionary entry a name stands for (current or old name). */
export function codesNamed(name: string): CodeName[] {
  return BY_NAME.get(nameKeyOf(name)) ?? [];
}

export function classificationOf(code: string): Classification | null {
  return classificationOfCode(code);
}

/** The name is this code's current name, or one of its old names. */
export function nameFits(entry: CodeName, name: string): boolean {
  const key = nameKeyOf(name);
  return [entry.name, ...(entry.oldNames ?? [])].some((n) => nameKeyOf(n) === key);
}

/** The name is one of this code's pre-2019 names. */
export function isOldName(entry: CodeName, name: string): boolean {
  const key = nameKeyOf(name);
  return (entry.oldNames ?? []).some((n) => nameKeyOf(n) === key);
}

export const LEVEL_NAMES = { 1: '类', 2: '款', 3: '项' } as const;
