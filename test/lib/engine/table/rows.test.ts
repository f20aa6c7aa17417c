import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import { buildTableModel } from '../../../../lib/engine/table/model';
import { documentOf, table } from '../../../helpers/tables';

/**
 * Group labels written once (js-swbgt-2017-tables.pdf p12–14, 政府采购预算表): the 专项 name is
 * written on its first line and left blank below, or spans its lines, or is repeated on each;
 * the lines under it are at its level whichever way it is written.
 */
const HEADER = ['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'];
type Group = 'blank-below' | 'rowspan' | 'repeated';

function procurement(group: Group, serviceTotal = '1,278.50', total = '1,374.70'): string[][] {
  const name = (first: boolean) => (first ? (group === 'rowspan' ? '商品和服务支出@r4' : '商品和服务支出') : group === 'repeated' ? '商品和服务支出' : '');
  const line = (first: boolean, rest: string[]) => (group === 'rowspan' && !first ? ['', ...rest] : ['', name(first), ...rest]);
  return [
    HEADER,
    ['合计', '', '', '', '', total],
    ['一、货物A', '', '', '', '', '96.20'],
    ['', '交通运行费', '公务用车运行维护费', '', '', '96.20'],
    ['', '', '', '炼焦产品、炼油产品', '政府集中采购', '96.20'],
    ['三、服务C', '', '', '', '', serviceTotal],
    ['', '大院综合管理费', '物业管理费', '', '', '1,203.50'],
    ['', '', '', '物业管理服务', '政府集中采购', '1,203.50'],
    line(true, ['培训费', '', '', '25.00']),
    line(false, ['', '会议服务', '政府集中采购', '25.00']),
    line(false, ['会议费', '', '', '50.00']),
    line(false, ['', '会议服务', '政府集中采购', '50.00']),
  ];
}

const findingsOf = (group: Group, serviceTotal?: string, total?: string) =>
  analyse(documentOf([table(procurement(group, serviceTotal, total), { before: ['2017年政府采购预算表', '单位：万元'] })]))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.message}`);

describe('rows: group labels written once', () => {
  it.each<Group>(['blank-below', 'rowspan', 'repeated'])('puts 会议费 at the level of 培训费 when the 专项 is %s', (group) => {
    const model = buildTableModel(table(procurement(group)), { id: 't0', title: '政府采购预算表', kind: 'procurement' });
    const levels = Object.fromEntries(model.panels[0]!.rows.map((r) => [r.label.replace('商品和服务支出 ', ''), r.labelColumn]));
    expect(levels['会议费']).toBe(levels['培训费']);
    expect(levels['会议费']).toBe(levels['大院综合管理费 物业管理费']);
  });

  it.each<Group>(['blank-below', 'rowspan', 'repeated'])('reports nothing when the lines add up (%s)', (group) => {
    expect(findingsOf(group)).toEqual([]);
  });

  it.each<Group>(['blank-below', 'rowspan', 'repeated'])('still finds a wrong group total (%s)', (group) => {
    // The lines under 三、服务C are not numbered: an inferred structure, so a warning.
    expect(findingsOf(group, '1,288.50', '1,384.70')).toEqual([expect.stringMatching(/^warning sum.rows 「三、服务C」 1,288.50 ≠ .*会议费 50.00 = 1,278.50/)]);
  });
});
