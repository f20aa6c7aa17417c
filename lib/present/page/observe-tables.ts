/**
 * Calls back (debounced) when tables appear, disappear or change under `root`. Mutations that do
 * not touch a table — clocks, carousels, ads — are ignored so a busy page does not keep the
 * checker re-running. Mutations inside `isOwn` nodes (our overlay) are ignored too.
 */

export interface ObserveOptions {
  signal: AbortSignal;
  delayMs?: number;
  isOwn?: (node: Node) => boolean;
}

/** Past this many records at once, stop filtering and just re-check (Dark Reader's "huge mutation"). */
const HUGE = 1000;

export function touchesTable(node: Node): boolean {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.localName === 'table' || el.closest('table')) return true;
    return typeof el.querySelector === 'function' && el.querySelector('table') !== null;
  }
  return node.parentElement?.closest('table') != null;
}

export function isRelevant(record: Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>, isOwn?: (node: Node) => boolean): boolean {
  if (isOwn?.(record.target)) return false;
  if (record.type === 'characterData') return touchesTable(record.target);
  // A row or cell added to / removed from an existing table: the target is inside the table.
  if (record.target.nodeType === 1 && (record.target as Element).closest?.('table')) return true;
  for (const node of Array.from(record.addedNodes)) if (!isOwn?.(node) && touchesTable(node)) return true;
  // Removed nodes are detached: only their own subtree can tell whether they held a table.
  for (const node of Array.from(record.removedNodes)) if (!isOwn?.(node) && touchesTable(node)) return true;
  return false;
}

export function observeTables(root: Node, onChange: () => void, options: ObserveOptions): void {
  const { signal, delayMs = 300, isOwn } = options;
  if (signal.aborted) return;
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  if (!view?.MutationObserver) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new view.MutationObserver((records) => {
    if (records.length < HUGE && !records.some((r) => isRelevant(r, isOwn))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!signal.aborted) onChange();
    }, delayMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}
