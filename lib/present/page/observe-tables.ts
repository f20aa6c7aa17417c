/**
 * Calls back when the tables extraction reads change, or tables appear or disappear. Everything
 * else — a clock ticking inside a CMS layout table, carousels, ads, the narrative — is ignored,
 * so a busy page does not keep the checker re-running. Re-checks are debounced with a maximum
 * wait (a cell changing every 50 ms still gets checked) and back off while the changes go on.
 */

export interface ObserveOptions {
  signal: AbortSignal;
  /** Quiet time before a re-check (debounce). */
  delayMs?: number;
  /** A re-check happens at the latest this long after the first unchecked change… */
  maxWaitMs?: number;
  /** …which doubles while changes keep coming, up to this. */
  maxBackoffMs?: number;
  isOwn?: (node: Node) => boolean;
  /**
   * The tables extraction read (data tables). Changes inside other tables — layout tables above
   * all — are ignored unless they add or remove a table or table rows. Without it, every table counts.
   */
  tracked?: () => ReadonlySet<Element>;
  /** A relevant change was seen: what is drawn is stale until the next check. */
  onPending?: () => void;
}

/** Past this many records at once, stop filtering and just re-check (Dark Reader's "huge mutation"). */
const HUGE = 1000;
const STRUCTURE = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption']);

export function touchesTable(node: Node): boolean {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (el.localName === 'table' || el.closest('table')) return true;
    return typeof el.querySelector === 'function' && el.querySelector('table') !== null;
  }
  return node.parentElement?.closest('table') != null;
}

/** The node is, or holds, a table or table structure (a row added to a table being built). */
function addsStructure(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (STRUCTURE.has(el.localName)) return true;
  return typeof el.querySelector === 'function' && el.querySelector('table') !== null;
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

export function isRelevant(
  record: Pick<MutationRecord, 'type' | 'target' | 'addedNodes' | 'removedNodes'>,
  isOwn?: (node: Node) => boolean,
  tracked?: ReadonlySet<Element>,
): boolean {
  if (isOwn?.(record.target)) return false;
  const table = elementOf(record.target)?.closest?.('table') ?? null;
  // Inside a table extraction read (or, untracked, any table): its text or rows changed.
  if (table && (!tracked || tracked.has(table))) return true;
  if (record.type === 'characterData') return false;
  for (const node of Array.from(record.addedNodes)) if (!isOwn?.(node) && (tracked ? addsStructure(node) : touchesTable(node))) return true;
  // Removed nodes are detached: only their own subtree can tell whether they held a table.
  for (const node of Array.from(record.removedNodes)) if (!isOwn?.(node) && (tracked ? addsStructure(node) : touchesTable(node))) return true;
  return false;
}

export interface RecheckScheduler {
  /** A change was seen. */
  poke(): void;
  /** Milliseconds of the current maximum wait (grows while changes keep coming). */
  readonly maxWait: number;
  cancel(): void;
}

/**
 * Debounce with a maximum wait and back-off: fires `delay` after the last change, or `maxWait`
 * after the first unchecked one, whichever is first. A firing forced by the maximum wait means the
 * page is still changing: the next maximum wait doubles (up to `maxBackoff`); a quiet firing resets it.
 */
export function createRecheckScheduler(fire: () => void, options: { delayMs: number; maxWaitMs: number; maxBackoffMs: number }): RecheckScheduler {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let maxWait = options.maxWaitMs;
  const run = (forced: boolean) => {
    clearTimeout(debounce);
    clearTimeout(deadline);
    debounce = deadline = undefined;
    maxWait = forced ? Math.min(maxWait * 2, options.maxBackoffMs) : options.maxWaitMs;
    fire();
  };
  return {
    poke() {
      clearTimeout(debounce);
      debounce = setTimeout(() => run(false), options.delayMs);
      deadline ??= setTimeout(() => run(true), maxWait);
    },
    get maxWait() {
      return maxWait;
    },
    cancel() {
      clearTimeout(debounce);
      clearTimeout(deadline);
      debounce = deadline = undefined;
    },
  };
}

export function observeTables(root: Node, onChange: () => void, options: ObserveOptions): void {
  const { signal, delayMs = 300, maxWaitMs = 2_000, maxBackoffMs = 30_000, isOwn } = options;
  if (signal.aborted) return;
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  if (!view?.MutationObserver) return;
  const scheduler = createRecheckScheduler(
    () => {
      if (!signal.aborted) onChange();
    },
    { delayMs, maxWaitMs, maxBackoffMs },
  );
  const observer = new view.MutationObserver((records) => {
    const tracked = options.tracked?.();
    if (records.length < HUGE && !records.some((r) => isRelevant(r, isOwn, tracked))) return;
    options.onPending?.();
    scheduler.poke();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      scheduler.cancel();
    },
    { once: true },
  );
}
