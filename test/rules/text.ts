import { table } from '../helpers/tables';
import type { RuleCase } from './case';
import { gridModel, model } from './case';

const budget2020 = { kind: 'budget' as const, year: 2020 };
const final2024 = { kind: 'final' as const, year: 2024 };

// Seed 001: 卫生健康支出 1641.88 万元 in the 部门收支总表.
const health = () => [model('项目\t本年预算\n七、卫生健康支出\t1641.88', 'income-expense-summary', '部门收支总表')];

// Seed 002-06: the 支出决算表 names 22102 住房改革支出 and 2210201 住房公积金.
const housing = () => [model('科目编码\t科目名称\t本年支出合计\n221\t住房保障支出\t92.29\n22102\t住房改革支出\t92.29\n2210201\t住房公积金\t92.29', 'expense-summary', '支出决算表')];
const housingText = (section: string, item: string) => [
  `13、住房保障支出（类）${section}（款）${item}（项）`,
  '年初预算为92.78万元，支出决算为92.29万元，完成年初预算的99.47%，决算数小于年初预算数的主要原因是有人退休。',
];

// Seed 001-10: 年初预算 1461.88 in the performance table, 1641.88 in the text.
const repeated = (cell: string) => ({
  doc: {
    source: 'rule case',
    title: '株洲市荷塘区医疗保障局2020年度部门预算',
    tables: [table([['单位名称', '年度预算', '产出指标'], ['医保局', '1,641.88', cell]], { before: ['部门整体支出绩效申报表', '单位：万元'] })],
    blocks: [{ anchor: 'b0', text: '2020 年年初预算数 1641.88 万元。', kind: 'paragraph' as const, seq: 1 }],
  },
});

// Seed 003: the project table lists two projects under unit 036001.
const projects = () => [
  gridModel(
    [
      ['单位代码', '项目名称', '合计'],
      ['036', '济源产城融合示范区医疗保障局', '30.00'],
      ['036001', '济源产城融合示范区医疗保障局', '30.00'],
      ['036001', '项目甲', '10.00'],
      ['036001', '项目乙', '20.00'],
    ],
    'project-expense',
    '项目支出表',
  ),
];

export const textCases: RuleCase[] = [
  {
    rule: 'text.amount',
    source: 'seed 001-01 (N-12): 1461.88 stated for 1641.88',
    fails: { tables: health(), text: ['卫生健康支出1461.88万元。'], identity: budget2020 },
    passes: { tables: health(), text: ['卫生健康支出1641.88万元。'], identity: budget2020 },
  },
  {
    rule: 'text.unit',
    source: 'rulebook N-02: a 万元 table figure written as 元',
    fails: { tables: health(), text: ['卫生健康支出1641.88元。'], identity: budget2020 },
    passes: { tables: health(), text: ['卫生健康支出1641.88万元。'], identity: budget2020 },
  },
  {
    rule: 'text.label',
    source: 'seed 002-06: 住房保障支出（款） where the table has 22102 住房改革支出',
    fails: { tables: housing(), text: housingText('住房保障支出', '住房保障支出'), identity: final2024 },
    passes: { tables: housing(), text: housingText('住房改革支出', '住房公积金'), identity: final2024 },
  },
  {
    rule: 'text.completion',
    source: 'rulebook N-05 (金华 2021): 27.22% = 500.12 − 472.9, not 500.12 ÷ 472.9',
    fails: { text: ['年初预算为472.9万元，支出决算为500.12万元，完成年初预算的27.22%。'] },
    passes: { text: ['年初预算为472.9万元，支出决算为500.12万元，完成年初预算的105.76%。'] },
  },
  {
    rule: 'text.direction',
    source: 'seed 002-03: 决算数“小于”年初预算数 while 26.65 > 25.87',
    fails: { text: ['年初预算为25.87万元，支出决算为26.65万元，决算数小于年初预算数的主要原因是人员基数调整。'] },
    passes: { text: ['年初预算为25.87万元，支出决算为26.65万元，决算数大于年初预算数的主要原因是人员基数调整。'] },
  },
  {
    rule: 'text.change',
    source: 'rulebook N-04: 379.10 ÷ (6465.30 + 379.10) = 5.54%',
    fails: { text: ['2024年部门预算收入6465.30万元，比上年减少379.10万元，下降6.54%。'] },
    passes: { text: ['2024年部门预算收入6465.30万元，比上年减少379.10万元，下降5.54%。'] },
  },
  {
    rule: 'text.share',
    source: 'seed 002 (N-03): 1434.27 ÷ 2113.81 = 67.85%',
    fails: { text: ['本年支出合计2113.81万元，其中：基本支出1434.27万元，占68.85%；项目支出679.55万元，占31.15%。'] },
    passes: { text: ['本年支出合计2113.81万元，其中：基本支出1434.27万元，占67.85%；项目支出679.55万元，占32.15%。'] },
  },
  {
    rule: 'text.share-sum',
    source: 'rulebook §6.4(a): the shares of one whole add up to 100%',
    fails: { text: ['本年支出合计2113.81万元，其中：基本支出1434.27万元，占67.85%；项目支出679.55万元，占32.25%。'] },
    passes: { text: ['本年支出合计2113.81万元，其中：基本支出1434.27万元，占67.85%；项目支出679.55万元，占32.15%。'] },
  },
  {
    rule: 'text.enumeration',
    source: 'seed 002 (N-07): 政府采购 货物 + 工程 + 服务 = 总额',
    fails: { text: ['政府采购支出总额514.47万元，其中：货物支出427.08万元、工程支出1.27万元、服务支出186.11万元。'] },
    passes: { text: ['政府采购支出总额514.47万元，其中：货物支出327.08万元、工程支出1.27万元、服务支出186.11万元。'] },
  },
  {
    rule: 'text.repeated',
    source: 'seed 001-10: 1461.88 vs 1641.88',
    fails: repeated('年初预算1461.88万元，到年末完成支出目标100%'),
    passes: repeated('年初预算1641.88万元，到年末完成支出目标100%'),
  },
  {
    rule: 'text.count',
    source: 'rulebook N-10: the listed vehicles exceed the whole',
    fails: { text: ['共有车辆2辆，其中：一般公务用车2辆、一般执法执勤用车1辆、其他用车0辆。'] },
    passes: { text: ['共有车辆3辆，其中：一般公务用车2辆、一般执法执勤用车1辆、其他用车0辆。'] },
  },
  {
    rule: 'text.project-count',
    source: 'seed 003 (N-10): "共N个项目" against the project table',
    fails: { tables: projects(), text: ['共3个项目。'] },
    passes: { tables: projects(), text: ['共2个项目。'] },
  },
  {
    rule: 'text.year',
    source: 'Putuo seeded copy: a 2024 final account calls its explanation 2023',
    fails: { text: ['第三部分 上海市普陀区财政局2023年度部门决算情况说明'], identity: final2024 },
    passes: { text: ['第三部分 上海市普陀区财政局2024年度部门决算情况说明'], identity: final2024 },
  },
  {
    rule: 'text.placeholder',
    source: 'rulebook N-13: 某某, ××',
    fails: { text: ['其中：某某项目支出××万元'] },
    passes: { text: ['其中：信息化项目支出12万元'] },
  },
  {
    rule: 'text.percent-sign',
    source: 'rulebook N-14: 占76.23 without %',
    fails: { text: ['基本支出1250.00万元，占76.23；项目支出390.00万元，占23.77%。'] },
    passes: { text: ['基本支出1250.00万元，占76.23%；项目支出390.00万元，占23.77%。'] },
  },
];
