import { hasDisclosureKeyword, looksLikeDisclosure } from './looks-like-disclosure';
import { observeTables } from './observe-tables';
import { readPageSignals } from './page-signals';

/**
 * Calls `start` once the page looks like a disclosure: at once, or — when the page speaks of a
 * budget but its tables are still loading (portals that fetch them by script) — as soon as a
 * budget-looking table appears. Pages without any keyword are never watched.
 */
export function whenDisclosure(doc: Document, signal: AbortSignal, start: () => void): void {
  if (looksLikeDisclosure(readPageSignals(doc))) {
    start();
    return;
  }
  if (!doc.body || !hasDisclosureKeyword(doc.title ?? '', (doc.body.textContent ?? '').slice(0, 6000))) return;
  const watching = new AbortController();
  signal.addEventListener('abort', () => watching.abort(), { once: true });
  observeTables(
    doc.body,
    () => {
      if (watching.signal.aborted || !looksLikeDisclosure(readPageSignals(doc))) return;
      watching.abort();
      start();
    },
    { signal: watching.signal, delayMs: 150 },
  );
}
