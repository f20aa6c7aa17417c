import type { NotChecked, Report } from '../../engine/report/schema';
import type { SourceDocument } from '../../engine/source';

/** Small pure helpers of the viewer (kept apart from pdf.js so Node tests can load them). */

/** PDF files start with "%PDF-" (some producers put a few bytes of junk first). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Extraction's own "not checked" parts (scanned pages, page limit…) join the report's. */
export function withExtractionNotes(report: Report, notes: readonly NotChecked[]): Report {
  if (!notes.length) return report;
  const seen = new Set((report.stats.notChecked ?? []).map((n) => `${n.what}\u0000${n.reason}`));
  const added = notes.filter((n) => !seen.has(`${n.what}\u0000${n.reason}`));
  return { ...report, stats: { ...report.stats, notChecked: [...added, ...(report.stats.notChecked ?? [])] } };
}

/** Anchor → text of every cell and block, for leaving blank operands out of highlights. */
export function anchorTexts(doc: SourceDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of doc.tables) for (const row of table.rows) for (const cell of row) map.set(cell.anchor, cell.text);
  for (const block of doc.blocks) map.set(block.anchor, block.text);
  return map;
}
