// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { FindingList } from '../../components/FindingList';
import { SeverityCounts } from '../../components/SeverityCounts';
import { SiteSwitch } from '../../components/SiteSwitch';
import { DocumentHeader } from '../../components/DocumentHeader';
import { NotChecked } from '../../components/NotChecked';
import { reportView } from '../../lib/present/view-model';
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

  it('counts carry icons as well as colours, and filter the list', () => {
    const onFilter = vi.fn();
    const root = mount(<SeverityCounts counts={{ error: 2, warning: 0, info: 1 }} filter={null} onFilter={onFilter} />);
    const items = Array.from(root.querySelectorAll('button'));
    expect(items.map((b) => b.textContent)).toEqual(['2错误', '0需核对', '1提示']);
    expect(items.every((b) => b.querySelector('svg'))).toBe(true);
    expect(items[1]!.disabled).toBe(true);
    items[0]!.click();
    expect(onFilter).toHaveBeenCalledWith('error');
    const active = mount(<SeverityCounts counts={{ error: 2, warning: 0, info: 1 }} filter="error" onFilter={onFilter} />);
    const pressed = active.querySelector<HTMLButtonElement>('button[aria-pressed="true"]')!;
    expect(pressed.dataset.severity).toBe('error');
    pressed.click();
    expect(onFilter).toHaveBeenLastCalledWith(null);
  });

  it('lists errors first, folds the notes, filters, and selects a finding from its headline', () => {
    const onSelect = vi.fn();
    const r = report([
      finding({ id: 'f1', severity: 'info', message: '尾差', expected: '19.98', actual: '19.99' }),
      finding({ id: 'f3', severity: 'warning', category: 'text-vs-table', rule: 'text.amount', message: '文字与表格不符', location: { text: '增长 5%' } }),
      finding({ id: 'f2', severity: 'error', message: '合计不等' }),
    ]);
    const { findings } = reportView(r);
    const root = mount(<FindingList findings={findings} onSelect={onSelect} />);
    expect(Array.from(root.querySelectorAll(':scope > .groups > section h2')).map((h) => h.textContent)).toEqual(['错误 1', '需核对 1']);
    const items = Array.from(root.querySelectorAll<HTMLElement>('li.finding'));
    expect(items.map((li) => li.dataset.finding)).toEqual(['f2', 'f3', 'f1']);
    // The note sits in a folded <details>.
    expect(root.querySelector('details.notes')!.hasAttribute('open')).toBe(false);
    expect(root.querySelector('details.notes summary')!.textContent).toBe('1 条提示（四舍五入、说明等）');
    expect(items[0]!.querySelector('.headline')!.textContent).toBe('这一栏的合计比各项相加多 0.10 万元'.replace(' 万元', ''));
    items[0]!.querySelector<HTMLButtonElement>('button.headline')!.click();
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'f2' }));
    const filtered = mount(<FindingList findings={findings} filter="info" onSelect={onSelect} />);
    expect(Array.from(filtered.querySelectorAll<HTMLElement>('li.finding')).map((li) => li.dataset.finding)).toEqual(['f1']);
    expect(filtered.querySelector('details.notes')).toBeNull();
    const byTable = mount(<FindingList findings={findings} grouping="table" />);
    expect(Array.from(byTable.querySelectorAll(':scope > .groups > section h2')).map((h) => h.textContent)).toEqual(['《单位运转经费》 1', '文字说明 1']);
  });

  it('renders page text as text', () => {
    const r = report([finding({ id: 'f1', severity: 'error', message: '<img src=x onerror=alert(1)>' })]);
    const root = mount(<FindingList findings={reportView(r).findings} />);
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
