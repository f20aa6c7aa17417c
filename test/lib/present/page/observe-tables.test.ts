import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { isRelevant, touchesTable } from '../../../../lib/present/page/observe-tables';

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
