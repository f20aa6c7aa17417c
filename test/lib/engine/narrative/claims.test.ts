import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../lib/engine/narrative/claims';
import type { AmountClaim, ChangeClaim, CompletionClaim, ShareClaim } from '../../../../lib/engine/narrative/claims';

const amounts = (text: string) => extractClaims(text).filter((c): c is AmountClaim => c.kind === 'amount');

describe('narrative claims from the seeds', () => {
  it('reads amounts with their subjects and units (seed 001 四(二))', () => {
    const claims = amounts('（二）支出预算：2020 年预算数 1641.88 万元，其中，一般公共服务 1641.88 万元，教育 0 万元，社会保障和就业 0 元，卫生健康支出 0 万元，住房保障 0 万元。');
    expect(claims.map((c) => [c.subject, c.amount.value.toString(), c.amount.unit])).toEqual([
      ['2020年预算数', '1641.88', '万元'],
      ['一般公共服务', '1641.88', '万元'],
      ['教育', '0', '万元'],
      ['社会保障和就业', '0', '元'],
      ['卫生健康支出', '0', '万元'],
      ['住房保障', '0', '万元'],
    ]);
    expect(claims[1]!.whole).toBe('2020年预算数');
  });

  it('reads shares with their amounts and denominators (seed 002 三 and 六)', () => {
    const shares = extractClaims('本年支出合计2113.81万元，其中：基本支出1434.27万元，占67.85%；项目支出679.55万元，占32.15%。').filter((c): c is ShareClaim => c.kind === 'share');
    expect(shares.map((s) => [s.subject, s.amount?.value.toString(), s.percent.toString()])).toEqual([
      ['基本支出', '1434.27', '67.85'],
      ['项目支出', '679.55', '32.15'],
    ]);
    const of = extractClaims('人员经费1186.22万元，占基本支出的82.71%，主要包括基本工资').find((c): c is ShareClaim => c.kind === 'share');
    expect(of?.of).toBe('基本支出');
  });

  it('reads completion sentences with the comparison word (seed 002 五(三)8, 002-03)', () => {
    const claim = extractClaims('年初预算为25.87万元，支出决算为26.65万元，完成年初预算的103.01%，决算数小于年初预算数的主要原因是人员基数调整。').find((c): c is CompletionClaim => c.kind === 'completion');
    expect(claim?.budget?.value.toString()).toBe('25.87');
    expect(claim?.actual?.value.toString()).toBe('26.65');
    expect(claim?.rate?.toString()).toBe('103.01');
    expect(claim?.comparison).toBe('less');
  });

  it('reads year-over-year sentences (seed 002 一, seed 003)', () => {
    const change = extractClaims('2024年度收、支总计2113.81万元，与上年相比，增加30.96万元，主要是上级转移支付项目预算增加。').find((c): c is ChangeClaim => c.kind === 'change');
    expect(change).toMatchObject({ against: '上年', direction: 'increase' });
    expect(change?.current?.value.toString()).toBe('2113.81');
    expect(change?.delta?.value.toString()).toBe('30.96');
    const pct = extractClaims('2024年部门预算收入6465.30万元，比上年减少379.10万元，下降5.54%。').find((c): c is ChangeClaim => c.kind === 'change');
    expect(pct).toMatchObject({ direction: 'decrease', percentDirection: 'decrease' });
    expect(pct?.percent?.toString()).toBe('5.54');
    const flat = extractClaims('公务用车购置费预算为0万元，支出决算为0万元，与上年持平。').find((c): c is ChangeClaim => c.kind === 'change');
    expect(flat?.direction).toBe('flat');
  });

  it('survives messy text: line breaks inside numbers, full-width digits', () => {
    const claims = amounts('年初预算为１１３９．６９万元，支出决算为1,104.\n49万元');
    expect(claims.map((c) => c.amount.value.toString())).toEqual(['1139.69', '1104.49']);
    expect(claims[1]!.text).toBe('1,104.\n49万元');
  });
});

describe('enumerations', () => {
  const enumerations = (text: string) => extractClaims(text).filter((c) => c.kind === 'enumeration');

  it('reads the whole and its parts (seed 002 十二 政府采购)', () => {
    const [list] = enumerations('2024年度政府采购支出总额514.47万元，其中：政府采购货物支出327.08万元、政府采购工程支出1.27万元、政府采购服务支出186.11万元。授予中小微企业合同金额462.47万元，占政府采购支出总额的89.89%。');
    expect(list?.kind === 'enumeration' && list.whole.amount.value.toString()).toBe('514.47');
    expect(list?.kind === 'enumeration' && list.parts.map((p) => p.amount.value.toString())).toEqual(['327.08', '1.27', '186.11']);
  });

  it('takes the whole from the previous sentence when a sentence opens with 其中 (seed 003 六)', () => {
    const [list] = enumerations('2024年一般公共预算基本支出年初预算为3323.60万元。其中：人员经费支出3193.10万元，占96.07%；公用经费支出130.50万元，占3.93%。');
    expect(list?.kind === 'enumeration' && [list.whole.amount.value.toString(), list.parts.length]).toEqual(['3323.6', 2]);
  });

  it('ignores year-over-year amounts as parts', () => {
    const [list] = enumerations('“三公”经费预算3.20万元，其中：公务接待费1.20万元，比上年增加0.50万元，公务用车运行费2.00万元。');
    expect(list?.kind === 'enumeration' && list.parts.map((p) => p.amount.value.toString())).toEqual(['1.2', '2']);
  });
});
