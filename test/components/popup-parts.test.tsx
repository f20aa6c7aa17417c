// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { FindingList } from '../../components/FindingList';
import { SeverityCounts } from '../../components/SeverityCounts';
import { SiteSwitch } from '../../components/SiteSwitch';
import { DocumentHeader } from '../../components/DocumentHeader';
import { NotChecked } from '../../components/NotChecked';
import { finding, report } from '../lib/present/page/report-fixture';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('popup components', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('counts carry glyphs as well as colours', () => {
    const root = mount(<SeverityCounts counts={{ error: 2, warning: 0, info: 1 }} />);
    const items = Array.from(root.querySelectorAll('li'));
    expect(items.map((li) => li.textContent)).toEqual(['✕2错误', '!0警告', 'i1尾数提示']);
    expect(items[1]!.classList.contains('zero')).toBe(true);
  });

  it('groups findings, worst first, and selects one on click or keyboard', () => {
    const onSelect = vi.fn();
    const r = report([
      finding({ id: 'f1', severity: 'info', message: '尾差' }),
      finding({ id: 'f2', severity: 'error', message: '合计不等' }),
      finding({ id: 'f3', severity: 'warning', rule: 'text.amount', category: 'text-vs-table', message: '文字与表格不符', location: { text: '增长 5%' } }),
    ]);
    const root = mount(<FindingList report={r} onSelect={onSelect} />);
    expect(Array.from(root.querySelectorAll('h2')).map((h) => h.textContent)).toEqual(['表内勾稽 2', '文字与表格 1']);
    const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('button.finding'));
    expect(buttons.map((b) => b.dataset.finding)).toEqual(['f2', 'f1', 'f3']);
    expect(buttons[0]!.textContent).toContain('单位运转经费 · 医保局 / 总计');
    buttons[0]!.click();
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'f2' }));
  });

  it('labels a possible misreading and counts the symptoms folded under a fault', () => {
    const r = report([finding({ id: 'f1', severity: 'warning', basis: 'reading', consequences: [{ rule: 'sum.columns', severity: 'error', message: '另一处', location: { tableId: 't1', row: 2, col: 2 } }] })]);
    const root = mount(<FindingList report={r} onSelect={() => {}} />);
    const button = root.querySelector<HTMLButtonElement>('button.finding.reading')!;
    expect(button.textContent).toContain('可能为读取问题');
    expect(button.textContent).toContain('同一处问题还导致另外 1 处不符');
    expect(button.querySelector('.glyph')!.textContent).toBe('?');
  });

  it('renders page text as text', () => {
    const r = report([finding({ id: 'f1', severity: 'error', message: '<img src=x onerror=alert(1)>' })]);
    const root = mount(<FindingList report={r} onSelect={() => {}} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('site switch is a labelled switch', () => {
    const onChange = vi.fn();
    const root = mount(<SiteSwitch host="www.hetang.gov.cn" enabled={true} onChange={onChange} />);
    const input = root.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(root.textContent).toContain('www.hetang.gov.cn');
    input.click();
    expect(onChange).toHaveBeenCalledWith(false);
  });

  it('header shows title, year and kind; not-checked reasons fold away', () => {
    const root = mount(
      <>
        <DocumentHeader report={report([])} fallbackTitle="x" />
        <NotChecked items={[{ what: '附件9', reason: '表格没有数据行（空表）' }]} />
      </>,
    );
    expect(root.querySelector('h1')!.textContent).toBe('部门预算');
    expect(root.querySelector('.tags')!.textContent).toBe('2020 年预算');
    expect(root.querySelector('details summary')!.textContent).toBe('未核对的内容（1）');
  });

  it('shows the completeness line, amber when a required table is missing, with the list as a tooltip', () => {
    const base = report([]);
    const withCompleteness = {
      ...base,
      document: {
        ...base.document,
        completeness: {
          family: 'final' as const,
          summary: '9 张必需表格：缺 1 张（收入决算表）',
          tables: [
            { kind: 'income-expense-summary' as const, name: '收入支出决算总表', status: 'present' as const },
            { kind: 'income-summary' as const, name: '收入决算表', status: 'missing' as const },
          ],
        },
      },
    };
    const root = mount(<DocumentHeader report={withCompleteness} fallbackTitle="x" />);
    const line = root.querySelector('.completeness')!;
    expect(line.textContent).toBe('9 张必需表格：缺 1 张（收入决算表）');
    expect(line.classList.contains('incomplete')).toBe(true);
    expect(line.getAttribute('title')).toBe('收入支出决算总表：有\n收入决算表：缺');
  });
});

describe('what checked out', () => {
  it('lists the confirmed claims with their sentence, through text only', async () => {
    const { ConfirmedList } = await import('../../components/ConfirmedList');
    const root = mount(<ConfirmedList items={[{ rule: 'text.share', message: '占比 67.85% = 1434.27万元 ÷ 2113.81万元', location: { text: '<img src=x onerror=alert(1)>基本支出1434.27万元，占67.85%', anchor: 'b3' } }]} />);
    expect(root.querySelectorAll('li')).toHaveLength(1);
    expect(root.textContent).toContain('占比 67.85%');
    expect(root.querySelector('img')).toBeNull();
    expect(mount(<ConfirmedList items={[]} />).textContent).toBe('');
  });
});

describe('settings panel', () => {
  it('offers the host only when it is not covered', async () => {
    const { SettingsPanel } = await import('../../components/SettingsPanel');
    const onAddHost = vi.fn();
    const onShowInfo = vi.fn();
    const onShowPassed = vi.fn();
    const onAutoOpenPdf = vi.fn();
    const root = mount(<SettingsPanel host="czj.example.org" covered={false} showInfo={true} onShowInfo={onShowInfo} showPassed={false} onShowPassed={onShowPassed} autoOpenPdf={true} onAutoOpenPdf={onAutoOpenPdf} onAddHost={onAddHost} />);
    root.querySelector<HTMLButtonElement>('button.link')!.click();
    expect(onAddHost).toHaveBeenCalled();
    root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    expect(onShowInfo).toHaveBeenCalledWith(false);
    root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1]!.click();
    expect(onShowPassed).toHaveBeenCalledWith(true);
    root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[2]!.click();
    expect(onAutoOpenPdf).toHaveBeenCalledWith(false);
    const covered = mount(<SettingsPanel host="www.hetang.gov.cn" covered={true} showInfo={true} onShowInfo={onShowInfo} showPassed={false} onShowPassed={onShowPassed} autoOpenPdf={true} onAutoOpenPdf={onAutoOpenPdf} onAddHost={onAddHost} />);
    expect(covered.querySelector('button.link')).toBeNull();
  });
});
