import type { SourceDocument, SourceTable } from '../source/types';
import type { TableIdentity, TableModel } from '../table/model';

/**
 * Glue between the table/document catalogues and the analysis. (Interim: a minimal title
 * picker until lib/document/table-title.ts and identity.ts land.)
 */
export function describeTable(source: SourceTable): TableIdentity {
  const lines = [source.caption, ...source.before].filter(Boolean);
  const title = [...lines].reverse().find((line) => /表/.test(line) && !/单位[:：]/.test(line)) ?? source.caption ?? '';
  return { id: source.anchor, title: title.trim(), kind: /三公/.test(title) ? 'three-public' : 'unknown' };
}

export interface DocumentIdentity {
  kind: 'budget' | 'final' | 'unknown';
  year?: number;
  department?: string;
}

export function identifyDocumentKind(doc: SourceDocument, _tables: TableModel[]): DocumentIdentity {
  const title = doc.title;
  const kind = /决算/.test(title) ? 'final' : /预算/.test(title) ? 'budget' : 'unknown';
  const year = /(20\d\d)\s*年/.exec(title)?.[1];
  return { kind, ...(year ? { year: Number(year) } : {}) };
}
