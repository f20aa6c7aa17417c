import type { RuleCase } from './case';
import { gridModel, model } from './case';

const YUAN = '金额单位：元';

// Seed 001-04, abridged: class 210 of the 收支总表 against the 支出总表's class rows.
const classes = (health: string) => [
  model(`项目\t本年预算\n七、卫生健康支出\t${health}\n八、社会保障和就业支出\t100.00\n本年支出合计\t1741.88`, 'income-expense-summary', '部门收支总表'),
  model(`科目编码\t科目名称\t总计\n\t合计\t1741.88\n208\t社会保障和就业支出\t100.00\n210\t卫生健康支出\t1641.88`, 'expense-summary', '部门支出总表'),
];

const totals = (total: string) => [
  model(`项目\t本年预算\n七、卫生健康支出\t\n本年支出合计\t${total}`, 'income-expense-summary', '部门收支总表'),
  model(`科目编码\t科目名称\t总计\n\t合计\t1641.88`, 'expense-summary', '部门支出总表'),
];

// Seed 001-07: 维修(护)费 0.20 in the detail table vs 0.30 in the 基本支出表.
const economic = (repair: string) => [
  gridModel([['单位名称', '总计', '办公费', '维修（护）费'], ['医保局', '4.80', '4.50', repair]], 'basic-expense-detail', '单位运转经费支出预算表'),
  model(`经济科目\t经济科目名称\t总计\n302\t商品和服务支出\t4.80\n30201\t办公费\t4.50\n30213\t维修(护)费\t0.30`, 'general-basic-expense', '一般公共预算基本支出情况表'),
];

// Seed 000-01 (e): the 一般公共预算支出表 carries all the money, so its 项目支出 is the 支出总表's.
const columns = (project: string, basic: string) => [
  model(`科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t2068839.67\t1648839.67\t420000.00\n210\t卫生健康支出\t2068839.67\t1648839.67\t420000.00`, 'expense-summary', '支出总表', YUAN),
  model(`科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t2068839.67\t${basic}\t${project}\n210\t卫生健康支出\t2068839.67\t${basic}\t${project}`, 'general-expense', '一般公共预算支出表', YUAN),
];

// Rulebook X-B-05 (seed 004): 元 against 万元 exactly.
const basic = (personnel: string) => [
  model(`科目编码\t科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出\n\t合计\t1239844\t1080294\t109550\t50000`, 'general-expense', '一般公共预算支出明细表', YUAN),
  model(`科目编码\t科目名称\t合计\t人员经费\t公用经费\n\t合计\t118.9844\t${personnel}\t10.9550\n301\t工资福利支出\t108.0294\t108.0294\t0`, 'general-basic-expense', '基本支出表'),
];

// Seed 002-18: 2080505 carries 30108.
const itemEconomic = (section: string) => [
  model(`科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t187.78\t187.78\t0\n2080505\t机关事业单位基本养老保险缴费支出\t133.19\t133.19\t0\n2080506\t机关事业单位职业年金缴费支出\t54.59\t54.59\t0`, 'expense-summary', '支出决算表'),
  model(`科目编码\t科目名称\t决算数\n301\t工资福利支出\t${section}\n30108\t机关事业单位基本养老保险缴费\t${section === '187.78' ? '133.19' : '109.19'}\n30109\t职业年金缴费\t54.59`, 'general-basic-expense', '基本支出决算明细表'),
];

// Rulebook X-D-06: 30231 above the 三公 table's 公务用车运行维护费.
const threePublic = (running: string) => [
  gridModel(
    [
      ['预算数@c4', '决算数@c4'],
      ['合计', '因公出国(境)费', '公务用车运行维护费', '公务接待费', '合计', '因公出国(境)费', '公务用车运行维护费', '公务接待费'],
      ['8.05', '0', '7.00', '1.05', '8.04', '0', '6.99', '1.05'],
    ],
    'three-public',
    '“三公”经费支出决算表',
  ),
  model(`科目编码\t科目名称\t决算数\n302\t商品和服务支出\t8.05\n30217\t公务接待费\t1.05\n30231\t公务用车运行维护费\t${running}`, 'general-basic-expense', '基本支出决算明细表'),
];

// Rulebook X-B-01: the 收入总表's columns are the 收支总表's income lines.
const income = (fund: string) => [
  model(`项目\t预算数\n一、一般公共预算拨款收入\t5497.60\n二、政府性基金预算拨款收入\t967.70\n本年收入合计\t6465.30\n收入总计\t6465.30`, 'income-expense-summary', '部门收支总表'),
  gridModel(
    [
      ['单位代码', '单位名称', '总计', '本年收入@c3'],
      ['', '', '', '合计', '一般公共预算', '政府性基金'],
      ['', '合计', '6465.30', '6465.30', '5497.60', fund],
    ],
    'income-summary',
    '部门收入总表',
  ),
];

// Seed 000-03: 经费拨款 blank in the 财政拨款收支总表.
const blankLine = (line: string) => [
  model(`项目\t预算数\n一、一般公共预算拨款收入\t2068839.67\n经费拨款\t2068839.67\n本年收入合计\t2068839.67\n收入总计\t2068839.67`, 'income-expense-summary', '收支总表', YUAN),
  model(`项目\t预算数\n一、本年收入\t2068839.67\n(一)一般公共预算拨款\t2068839.67\n经费拨款\t${line}\n收入总计\t2068839.67`, 'fiscal-summary', '财政拨款收支总表', YUAN),
];

// Seed 000 (X-B-08): 50201 办公经费 = 办公费 + 邮电费 + 差旅费 + 工会经费 + 福利费 + 其他交通费用.
const mapping = (post: string) => [
  gridModel(
    [
      ['科目编码', '科目名称', '总计', '机关商品和服务支出@c3', '对事业单位经常性补助'],
      ['', '', '', '办公经费', '公务接待费', '其他商品和服务支出', '商品和服务支出'],
      ['', '合计', '225151.75', '143594', '', '81557.75', ''],
    ],
    'basic-expense-detail',
    '一般公共预算基本支出表--公用经费(商品和服务支出)(按政府预算经济分类)',
    [YUAN],
  ),
  gridModel(
    [
      ['科目编码', '科目名称', '总计', '办公费', '邮电费', '差旅费', '工会经费', '福利费', '其他交通费用', '其他商品和服务支出'],
      ['', '合计', '225151.75', '15000', post, '960', '12300', '20000', '60720', '81557.75'],
    ],
    'basic-expense-detail',
    '一般公共预算基本支出表—公用经费(商品和服务支出)(按部门预算经济分类)',
    [YUAN],
  ),
];

export const crossCases: RuleCase[] = [
  { rule: 'cross.classes', source: 'seed 001-04 (X-B-03)', fails: { tables: classes('1541.88') }, passes: { tables: classes('1641.88') } },
  { rule: 'cross.totals', source: 'rulebook X-B-02: 本年支出合计 = 支出总表 合计', fails: { tables: totals('1614.88') }, passes: { tables: totals('1641.88') } },
  { rule: 'cross.economic', source: 'seed 001-07: 维修(护)费 0.20 vs 0.30', fails: { tables: economic('0.20') }, passes: { tables: economic('0.30') } },
  { rule: 'cross.columns', source: 'seed 000-01 (e): 项目支出 225151.75 vs 420000', fails: { tables: columns('225151.75', '1648839.67') }, passes: { tables: columns('420000.00', '1648839.67') } },
  { rule: 'cross.basic', source: 'rulebook X-B-05 (seed 004, 元 against 万元)', fails: { tables: basic('108.0394') }, passes: { tables: basic('108.0294') } },
  { rule: 'cross.item-economic', source: 'seed 002-18: 2080505 133.19 vs 30108 109.19', fails: { tables: itemEconomic('163.78') }, passes: { tables: itemEconomic('187.78') } },
  { rule: 'cross.three-public', source: 'rulebook X-D-06: 30231 7.00 above 公务用车运行维护费 6.99', fails: { tables: threePublic('7.00') }, passes: { tables: threePublic('6.99') } },
  { rule: 'cross.income', source: 'rulebook X-B-01: 政府性基金 976.70 vs 967.70', fails: { tables: income('976.70') }, passes: { tables: income('967.70') } },
  { rule: 'cross.blank-line', source: 'seed 000-03: 经费拨款 blank in one summary table', fails: { tables: blankLine('') }, passes: { tables: blankLine('2068839.67') } },
  { rule: 'cross.economic-mapping', source: 'seed 000 (X-B-08): 50201 办公经费', fails: { tables: mapping('36414') }, passes: { tables: mapping('34614') } },
];
