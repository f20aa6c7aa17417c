import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { createRecheckScheduler, isRelevant, touchesTable } from '../../../../lib/present/page/observe-tables';

function page() {
  return parseHTML(`<html><body><p id="clock">12:00</p><table><tr><td id="cell">1</td></tr></table><div id="slot"></div><budget-lens-overlay id="own"></budget-lens-overlay></body></html>`).document;
}

const empty = [] as unknown as NodeList;
const list = (...nodes: Node[]) => nodes as unknown as NodeList;

describe('which mutations re-check the page', () => {
  it('ignores a ticking clock', () => {
    const doc = page();
    const clock = doc.getElementById('clock')!;
    expect(isRelevant({ type: 'characterData', target: clock.firstChild!, addedNodes: empty, removedNodes: empty })).toBe(false);
    expect(isRelevant({ type: 'childList', target: clock, addedNodes: list(doc.createTextNode('12:01')), removedNodes: empty })).toBe(false);
  });

  it('reacts to a table added later, or to a change inside a table', () => {
    const doc = page();
    const table = doc.createElement('table');
    const wrapper = doc.createElement('div');
    wrapper.append(table);
    expect(isRelevant({ type: 'childList', target: doc.getElementById('slot')!, addedNodes: list(wrapper), removedNodes: empty })).toBe(true);
    const cell = doc.getElementById('cell')!;
    expect(isRelevant({ type: 'characterData', target: cell.firstChild!, addedNodes: empty, removedNodes: empty })).toBe(true);
    expect(isRelevant({ type: 'childList', target: cell.parentElement!, addedNodes: list(doc.createElement('td')), removedNodes: empty })).toBe(true);
  });

  it('reacts to a table removed', () => {
    const doc = page();
    const table = doc.querySelector('table')!;
    table.remove();
    expect(isRelevant({ type: 'childList', target: doc.body, addedNodes: empty, removedNodes: list(table) })).toBe(true);
  });

  it('ignores our own overlay', () => {
    const doc = page();
    const own = doc.getElementById('own')!;
    const isOwn = (node: Node) => node.nodeName.toLowerCase() === 'budget-lens-overlay';
    expect(isRelevant({ type: 'childList', target: own, addedNodes: list(doc.createElement('table')), removedNodes: empty }, isOwn)).toBe(false);
    expect(isRelevant({ type: 'childList', target: doc.body, addedNodes: list(own), removedNodes: empty }, isOwn)).toBe(false);
  });

  it('touchesTable looks at the node, its ancestors and its subtree', () => {
    const doc = page();
    expect(touchesTable(doc.getElementById('cell')!)).toBe(true);
    expect(touchesTable(doc.body)).toBe(true);
    expect(touchesTable(doc.getElementById('clock')!)).toBe(false);
  });
});

describe('only the tables extraction reads (issue 15, defect 3)', () => {
  const layoutPage = () =>
    parseHTML(`<html><body><table id="layout"><tr><td><span id="clock">12:00:00</span><table id="data"><tr><td id="cell">1</td></tr></table></td></tr></table></body></html>`).document;

  it('a clock inside a CMS layout table is ignored; the data table inside it is watched', () => {
    const doc = layoutPage();
    const tracked = new Set([doc.getElementById('data')!]);
    const clock = doc.getElementById('clock')!;
    expect(isRelevant({ type: 'characterData', target: clock.firstChild!, addedNodes: empty, removedNodes: empty }, undefined, tracked)).toBe(false);
    expect(isRelevant({ type: 'childList', target: clock, addedNodes: list(doc.createTextNode('12:00:01')), removedNodes: empty }, undefined, tracked)).toBe(false);
    const cell = doc.getElementById('cell')!;
    expect(isRelevant({ type: 'characterData', target: cell.firstChild!, addedNodes: empty, removedNodes: empty }, undefined, tracked)).toBe(true);
  });

  it('a new table, or rows added to a table being built, still count', () => {
    const doc = layoutPage();
    const tracked = new Set([doc.getElementById('data')!]);
    const layoutCell = doc.querySelector('#layout td')!;
    expect(isRelevant({ type: 'childList', target: layoutCell, addedNodes: list(doc.createElement('table')), removedNodes: empty }, undefined, tracked)).toBe(true);
    expect(isRelevant({ type: 'childList', target: doc.getElementById('layout')!, addedNodes: list(doc.createElement('tr')), removedNodes: empty }, undefined, tracked)).toBe(true);
  });
});

describe('re-check scheduling', () => {
  afterEach(() => vi.useRealTimers());

  it('debounces, but a cell changing every 50 ms is still checked within the maximum wait, which backs off', () => {
    vi.useFakeTimers();
    let fired = 0;
    const scheduler = createRecheckScheduler(() => fired++, { delayMs: 300, maxWaitMs: 2_000, maxBackoffMs: 8_000 });
    const tick = (ms: number) => {
      for (let t = 0; t < ms; t += 50) {
        scheduler.poke();
        vi.advanceTimersByTime(50);
      }
    };
    tick(1_900);
    expect(fired).toBe(0);
    tick(200);
    expect(fired).toBe(1);
    expect(scheduler.maxWait).toBe(4_000);
    tick(4_000);
    expect(fired).toBe(2);
    expect(scheduler.maxWait).toBe(8_000);
    tick(16_000);
    expect(scheduler.maxWait).toBe(8_000);
    expect(fired).toBe(4);
    // Quiet again: one debounced check, and the wait is back to its start.
    scheduler.poke();
    vi.advanceTimersByTime(300);
    expect(fired).toBe(5);
    expect(scheduler.maxWait).toBe(2_000);
    scheduler.cancel();
  });
});
