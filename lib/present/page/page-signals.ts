import type { PageSignals } from './looks-like-disclosure';

/** Enough text to see a title block and a table of contents, little enough to stay fast on huge pages. */
const TEXT_BUDGET = 6000;
const MAX_TABLES = 40;
const HEAD_ROWS = 4;

/**
 * Reads the signals looks-like-disclosure needs. Reads only: textContent, never innerText
 * (no layout). The unit line usually sits just above the table, so it is included in the head.
 */
export function readPageSignals(doc: Document): PageSignals {
  const body = doc.body;
  const text = (body?.textContent ?? '').slice(0, TEXT_BUDGET);
  const tables = Array.from(doc.querySelectorAll('table')).slice(0, MAX_TABLES);
  return { title: doc.title ?? '', text, tableHeads: tables.map(tableHead) };
}

function tableHead(table: Element): string {
  const parts: string[] = [];
  const before = table.previousElementSibling;
  if (before) parts.push((before.textContent ?? '').slice(0, 200));
  const caption = table.querySelector('caption');
  if (caption) parts.push(caption.textContent ?? '');
  const rows = table.querySelectorAll('tr');
  for (let i = 0; i < rows.length && i < HEAD_ROWS; i++) parts.push(rows[i]!.textContent ?? '');
  return parts.join(' ').slice(0, 2000);
}
