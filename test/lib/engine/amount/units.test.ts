import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { convert, findCaptionUnit, findHeaderUnit } from '../../../../lib/engine/amount/units';

describe('units', () => {
  it('reads the unit from caption lines in every spelling', () => {
    expect(findCaptionUnit('单位：万元')).toBe('万元');
    expect(findCaptionUnit('金额单位: 元')).toBe('元');
    expect(findCaptionUnit('单位:万元')).toBe('万元');
    expect(findCaptionUnit('（单位：亿元）')).toBe('亿元');
    expect(findCaptionUnit('部门：株洲市医疗保障局 2024年度 公开08表 金额单位：万元')).toBe('万元');
  });

  it('does not take an organisation for a unit (seed 000: "单位: 473002_…")', () => {
    expect(findCaptionUnit('单位: 473002_株洲市天元区医疗保障局')).toBeNull();
    expect(findCaptionUnit('单位名称：区医保局')).toBeNull();
    expect(findCaptionUnit('金额单位:')).toBeNull();
  });

  it('reads a unit written in a header cell', () => {
    expect(findHeaderUnit('金额(万元)')).toBe('万元');
    expect(findHeaderUnit('预算数（元）')).toBe('元');
  });

  it('converts exactly between 元 and 万元', () => {
    expect(convert(new Decimal('127170.60'), '元', '万元').toString()).toBe('12.71706');
    expect(convert(new Decimal('1641.88'), '万元', '元').toString()).toBe('16418800');
  });
});
