// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createPageChecker } from '../../../../lib/present/page/page-checker';
import type { Report } from '../../../../lib/engine/report/schema';

const TABLE = `<p>基本支出预算明细表-单位运转经费支出预算表</p><p>单位：万元</p>
<table><tr><td>单位名称</td><td>总计</td><td>办公费</td><td>印刷费</td><td>会议费</td></tr>
<tr><td>医保局</td><td>7.00</td><td>4.50</td><td>0.90</td><td>1.00</td></tr></table>`;

describe('page checker', () => {
  let controller = new AbortController();
  afterEach(() => {
    controller.abort();
    controller = new AbortController();
    document.body.innerHTML = '';
  });

  it('extracts, analyses and marks; re-checks when a table arrives later', async () => {
    document.title = '某局2024年部门预算';
    document.body.innerHTML = `<h1>某局2024年部门预算</h1>${TABLE}<div id="slot"></div>`;
    const reports: Report[] = [];
    const checker = createPageChecker({ document, url: 'http://www.hetang.gov.cn/a.html', signal: controller.signal, showInfo: true, onReport: (r) => reports.push(r) });
    const first = (await checker.start())!;
    expect(first.tables).toHaveLength(1);
    expect(first.findings.some((f) => f.severity === 'error' && f.actual === '7.00')).toBe(true);
    const root = document.querySelector('budget-lens-overlay')!.shadowRoot!;
    expect(root.querySelectorAll('.badge.error').length).toBeGreaterThan(0);

    document.getElementById('slot')!.innerHTML = TABLE;
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(reports.length).toBe(2);
    expect(reports[1]!.tables).toHaveLength(2);
    expect(root.querySelectorAll('.chip')).toHaveLength(2);
  });

  it('analyses large pages remotely, falls back when the background fails, and keeps the newest result', async () => {
    document.body.innerHTML = TABLE;
    const { analyse } = await import('../../../../lib/engine/analyse');
    const calls: string[] = [];
    const reports: Report[] = [];
    const checker = createPageChecker({
      document,
      url: 'x',
      signal: controller.signal,
      showInfo: true,
      remoteAboveCells: 0,
      analyseRemotely: async (doc, extractMillis) => {
        calls.push('remote');
        if (calls.length === 1) throw new Error('no background');
        return analyse(doc, { extractMillis });
      },
      onReport: (r) => reports.push(r),
    });
    const first = await checker.start();
    expect(first?.tables).toHaveLength(1);
    document.querySelectorAll('td')[6]!.textContent = '4.60';
    const [a, b] = await Promise.all([checker.start(), checker.start()]);
    expect(a).toBeNull(); // superseded by the newer check
    expect(b?.tables).toHaveLength(1);
    expect(calls).toEqual(['remote', 'remote', 'remote']);
    expect(reports).toHaveLength(2);
    // Nothing changed since: the report is kept, nothing is analysed again.
    expect(await checker.start()).toBe(b);
    expect(calls).toHaveLength(3);
  });

  it('a failure inside the check is reported with its reason, not swallowed (issue 15, defect 4)', async () => {
    document.body.innerHTML = TABLE;
    const failures: string[] = [];
    const checker = createPageChecker({
      document,
      url: 'x',
      signal: controller.signal,
      showInfo: true,
      remoteAboveCells: 0,
      analyseRemotely: async () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      onReport: () => {},
      onFailure: (reason) => failures.push(reason),
    });
    // The background failing falls back to local analysis; only a local failure is a failure.
    expect(await checker.start()).not.toBeNull();
    expect(checker.failure).toBeNull();
    const broken = createPageChecker({ document, url: 'x', signal: controller.signal, showInfo: true, remoteAboveCells: 0, analyseRemotely: async () => null as never, onReport: () => {}, onFailure: (reason) => failures.push(reason) });
    expect(await broken.start()).toBeNull();
    expect(broken.failure).toMatch(/^TypeError: /);
    expect(failures).toEqual([broken.failure]);
  });

  it('marks are shown as stale from a table change until the re-check', async () => {
    document.body.innerHTML = TABLE;
    const checker = createPageChecker({ document, url: 'x', signal: controller.signal, showInfo: true, onReport: () => {} });
    await checker.start();
    const host = document.querySelector('budget-lens-overlay') as HTMLElement;
    expect(host.hasAttribute('data-stale')).toBe(false);
    document.querySelectorAll('td')[6]!.textContent = '4.60';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.hasAttribute('data-stale')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(host.hasAttribute('data-stale')).toBe(false);
    expect(checker.report?.findings.map((f) => `${f.actual}/${f.expected}`)).toContain('4.60/6.40');
  });

  it('does nothing after abort and survives hostile markup', async () => {
    document.body.innerHTML = `<table><tr><td rowspan="99999999" colspan="-3">合计</td></tr><tr><td><script>x</script></td></tr></table>`;
    const checker = createPageChecker({ document, url: 'x', signal: controller.signal, showInfo: true, onReport: () => {} });
    await expect(checker.start()).resolves.not.toThrow();
    controller.abort();
    expect(document.querySelector('budget-lens-overlay')).toBeNull();
    expect(await checker.start()).toBeNull();
  });
});

describe('whenDisclosure', () => {
  it('starts at once, later when the budget table arrives, or never on other pages', async () => {
    const { whenDisclosure } = await import('../../../../lib/present/page/wait-for-disclosure');
    const controller = new AbortController();
    let started = 0;
    document.title = '某局2020年度部门预算公开';
    document.body.innerHTML = '<p>表格加载中……</p><div id="holder"></div>';
    whenDisclosure(document, controller.signal, () => started++);
    expect(started).toBe(0);
    document.getElementById('holder')!.innerHTML = TABLE;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started).toBe(1);
    document.getElementById('holder')!.innerHTML += TABLE;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started).toBe(1);

    whenDisclosure(document, controller.signal, () => started++);
    expect(started).toBe(2);

    document.title = '足球联赛';
    document.body.innerHTML = '<p>积分榜</p>';
    whenDisclosure(document, controller.signal, () => started++);
    document.body.innerHTML += TABLE.replace('单位：万元', '');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(started).toBe(2);
    controller.abort();
  });
});
