import { describe, expect, it } from 'vitest';
import { identifyDocument, type IdentityInput } from '../../../../lib/engine/document/identity';

const doc = (input: Partial<IdentityInput>): IdentityInput => ({ title: '', headings: [], firstText: '', tableTitles: [], ...input });

describe('identity of the five seeds', () => {
  it('000: 株洲市天元区医疗保障局 2025 budget', () => {
    expect(identifyDocument(doc({ title: '株洲市天元区医疗保障局 2025 年部门预算', headings: ['目 录', '第一部分 部门概况'] }))).toEqual({
      kind: 'budget',
      department: '株洲市天元区医疗保障局',
      year: 2025,
      unitLevel: 'department',
    });
  });

  it('001: 株洲市荷塘区医疗保障局 2020 budget, title in one string or over two headings', () => {
    const expected = { kind: 'budget', department: '株洲市荷塘区医疗保障局', year: 2020, unitLevel: 'department' };
    expect(identifyDocument(doc({ title: '株洲市荷塘区医疗保障局2020年度部门预算' }))).toEqual(expected);
    expect(identifyDocument(doc({ headings: ['株洲市荷塘区医疗保障局', '2020 年度部门预算', '目录'] }))).toEqual(expected);
  });

  it('002: 株洲市医疗保障局 2024 final account, although its text is full of 预算', () => {
    const firstText = '2024年度一般公共预算财政拨款支出年初预算为1,434.27万元，支出决算为1,434.27万元，完成年初预算的100%。';
    const expected = { kind: 'final', department: '株洲市医疗保障局', year: 2024, unitLevel: 'department' };
    expect(identifyDocument(doc({ title: '2024年度 株洲市医疗保障局部门决算', firstText }))).toEqual(expected);
    expect(identifyDocument(doc({ title: '株洲市医疗保障局2024年度部门决算', firstText }))).toEqual(expected);
    expect(identifyDocument(doc({ headings: ['**2024年度', '株洲市医疗保障局部门决算**'], firstText }))).toEqual(expected);
  });

  it('003: 济源产城融合示范区医疗保障局 2024 budget', () => {
    expect(identifyDocument(doc({ title: '2024年度济源产城融合示范区医疗保障局部门 预算说明' }))).toEqual({
      kind: 'budget',
      department: '济源产城融合示范区医疗保障局',
      year: 2024,
      unitLevel: 'department',
    });
  });

  it('004: 西乡县医疗保险基金管理中心 2023 unit budget', () => {
    const expected = { kind: 'budget', department: '西乡县医疗保险基金管理中心', year: 2023, unitLevel: 'unit' };
    expect(identifyDocument(doc({ title: '西乡县医疗保险基金管理中心2023年单位预算' }))).toEqual(expected);
    expect(
      identifyDocument(doc({ title: '西乡县医疗保险基金管理中心 2023 年单位预算公开说明', headings: ['目录', '2023年部门（单位）综合预算公开报表'] })),
    ).toEqual(expected);
    expect(identifyDocument(doc({ headings: ['**西乡县医疗保险基金管理中心**', '**2023 年单位预算公开说明**'] }))).toEqual(expected);
  });
});

describe('identity of the corpus documents (titles as strings)', () => {
  it.each<[string, Partial<IdentityInput>, object]>([
    ['决算 template', { title: '上海市 XX 局 2024 年度部门决算' }, { kind: 'final', year: 2024, department: '上海市XX局' }],
    ['Jiangsu 2017 narrative', { title: '江苏省委办公厅 2017 年度部门预算' }, { kind: 'budget', year: 2017, department: '江苏省委办公厅' }],
    ['Jiangsu 2017 tables (file name)', { title: '江苏省委办公厅2017年预算公开表格' }, { kind: 'budget', year: 2017, department: '江苏省委办公厅' }],
    ['Jiangsu 2018 narrative', { title: '江苏省委办公厅2018年度部门预算公开' }, { kind: 'budget', year: 2018, department: '江苏省委办公厅' }],
    [
      'Jiangsu 2018 tables (cover)',
      { firstText: ' 江苏省2018年度\n省级部门预算公开报表\n部 门:中共江苏省委办公厅\n  江苏省财政厅印制' },
      { kind: 'budget', year: 2018, department: '中共江苏省委办公厅' },
    ],
    [
      'Jiangsu 2019 tables (no cover)',
      {
        firstText: '                                                  收支预算总表\n部门：中共江苏省委办公厅                                  单位：万元',
        tableTitles: ['收支预算总表', '收入预算总表', '支出预算总表', '2019年政府采购预算表'],
      },
      { kind: 'budget', year: 2019, department: '中共江苏省委办公厅' },
    ],
    ['Jiangsu 2019 narrative', { title: '江苏省委办公厅2019年度部门预算公开' }, { kind: 'budget', year: 2019, department: '江苏省委办公厅' }],
    ['Putuo 财政局 2024 final', { title: '上海市普陀区财政局2024年度部门决算' }, { kind: 'final', year: 2024, department: '上海市普陀区财政局' }],
    [
      'Putuo 财政局 2024 final (seeded errors copy)',
      { headings: ['上海市普陀区财政局', '2024 年度部门决算', '第二部分 上海市普陀区XX局 2024 年度部门决算表'] },
      { kind: 'final', year: 2024, department: '上海市普陀区财政局' },
    ],
    [
      'Putuo 万里街道 2024 budget',
      { title: '上海市普陀区2024年区级部门预算', firstText: '上海市普陀区2024年区级部门预算\n 预算主管部门：上海市普陀区人民政府万里街道办事处\n目   录' },
      { kind: 'budget', year: 2024, department: '上海市普陀区人民政府万里街道办事处' },
    ],
    [
      'Putuo 万里街道 2025 budget',
      { title: '上海市普陀区2025年区级部门预算', headings: ['预算主管部门：上海市普陀区人民政府万里街道办事处'] },
      { kind: 'budget', year: 2025, department: '上海市普陀区人民政府万里街道办事处' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(identifyDocument(doc(input))).toMatchObject(expected);
  });
});

describe('identity details', () => {
  it('reads Chinese-numeral years', () => {
    expect(identifyDocument(doc({ title: '株洲市医疗保障局二〇二四年度部门决算' }))).toMatchObject({ year: 2024, kind: 'final', department: '株洲市医疗保障局' });
    expect(identifyDocument(doc({ title: '二零二五年部门预算' })).year).toBe(2025);
    expect(identifyDocument(doc({ title: '二○二三年度部门决算' })).year).toBe(2023);
  });

  it('finds the department in the headings of a "2025年部门预算公开" page', () => {
    expect(identifyDocument(doc({ title: '2025年部门预算公开', headings: ['株洲市天元区医疗保障局', '第一部分 部门概况'] }))).toEqual({
      kind: 'budget',
      year: 2025,
      department: '株洲市天元区医疗保障局',
      unitLevel: 'department',
    });
    expect(identifyDocument(doc({ title: '2025年部门预算公开', headings: ['株洲市天元区医疗保障局2025年部门预算'] })).department).toBe('株洲市天元区医疗保障局');
  });

  it('lets the title decide 预算 vs 决算 even when the body says otherwise', () => {
    const budgetWords = '部门预算 部门预算 部门预算 年初预算 预算公开';
    expect(identifyDocument(doc({ title: '某某局2023年度部门决算', firstText: budgetWords })).kind).toBe('final');
    expect(identifyDocument(doc({ title: '某某局2024年部门预算', firstText: '2023年部门决算 2023年部门决算' })).kind).toBe('budget');
    // 一般公共预算 and 年初预算 are table vocabulary, not the document's kind.
    expect(identifyDocument(doc({ title: '一般公共预算财政拨款支出决算情况' })).kind).toBe('final');
  });

  it('falls back to headings, then table titles, then body words', () => {
    expect(identifyDocument(doc({ headings: ['第一部分 部门概况', '第二部分 2024年度部门决算表'] })).kind).toBe('final');
    expect(identifyDocument(doc({ tableTitles: ['收入支出决算总表', '收入决算表', '支出决算表', '政府采购预算表'] })).kind).toBe('final');
    expect(identifyDocument(doc({ tableTitles: ['收支总表', '收入总表', '支出总表'] })).kind).toBe('budget');
    expect(identifyDocument(doc({ firstText: '本部门2024年部门预算收入…部门预算支出…' })).kind).toBe('budget');
    expect(identifyDocument(doc({}))).toEqual({ kind: 'unknown' });
  });

  it('does not take a region or a level for a department', () => {
    expect(identifyDocument(doc({ title: '上海市普陀区2024年区级部门预算' })).department).toBeUndefined();
    expect(identifyDocument(doc({ title: '2024年部门预算', firstText: '部门名称： 本级\n单位：万元' })).department).toBeUndefined();
  });

  it('takes a department from 单位 meta lines with a unit code', () => {
    expect(identifyDocument(doc({ title: '2025年部门预算', firstText: '收支总表\n单位: 473002_株洲市天元区医疗保障局\n金额单位: 元' })).department).toBe('株洲市天元区医疗保障局');
  });

  it('takes the department from 预算单位 and 编制单位 lines, and from a label whose name sits after a wide gap', () => {
    expect(identifyDocument(doc({ title: '上海市普陀区2026年区级单位预算', headings: ['预算单位：上海市普陀区司法局'] }))).toMatchObject({ kind: 'budget', year: 2026, department: '上海市普陀区司法局', unitLevel: 'unit' });
    expect(identifyDocument(doc({ title: '2026年预算', metaLines: ['2026年预算单位收入预算总表', '编制单位：上海市普陀区司法局\t单位：元'] })).department).toBe('上海市普陀区司法局');
    expect(identifyDocument(doc({ firstText: '收支预算总表\n部门：      江苏省高级人民法院        单位：万元' })).department).toBe('江苏省高级人民法院');
    expect(identifyDocument(doc({ firstText: '收支预算总表\n部门：\t江苏省高级人民法院\t单位：万元' })).department).toBe('江苏省高级人民法院');
  });

  it('reads the meta lines anywhere in the first pages, not only the opening characters', () => {
    const opening = '说明文字。'.repeat(2000);
    expect(identifyDocument(doc({ title: '2026年区级单位预算', firstText: `${opening}\n预算单位：上海市普陀区司法局` })).department).toBe('上海市普陀区司法局');
  });

  it('leaves unitLevel open when a heading names both (部门（单位）)', () => {
    expect(identifyDocument(doc({ title: '2023年部门（单位）综合预算公开报表' })).unitLevel).toBeUndefined();
  });
});

describe('identity on hostile input', () => {
  it('returns unknown quickly for huge and empty input', () => {
    const start = performance.now();
    expect(identifyDocument(doc({ title: 'x'.repeat(10_000), headings: ['预'.repeat(10_000)], firstText: '算'.repeat(10_000), tableTitles: ['表'.repeat(10_000)] })).kind).toBe('unknown');
    expect(identifyDocument(doc({ title: '局'.repeat(10_000) + '2024年', headings: Array.from({ length: 10_000 }, () => '部门：') }))).toMatchObject({ kind: 'unknown' });
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('survives missing fields from untyped callers', () => {
    expect(identifyDocument({} as IdentityInput)).toEqual({ kind: 'unknown' });
    expect(identifyDocument(undefined as unknown as IdentityInput)).toEqual({ kind: 'unknown' });
  });
});
