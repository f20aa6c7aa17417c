import type { SourceCell, SourceDocument, SourceTable } from '../../lib/engine/source';

/**
 * Builds a SourceTable from a compact spec, so tests read like the tables they describe.
 * A cell "基本支出@c3" spans 3 columns, "总计@r2" 2 rows, "@r2c3" both.
 */
export function table(rows: string[][], opts: { anchor?: string; before?: string[]; caption?: string; page?: number } = {}): SourceTable {
  const anchor = opts.anchor ?? 't0';
  return {
    anchor,
    caption: opts.caption ?? '',
    before: opts.before ?? [],
    after: [],
    seq: 0,
    ...(opts.page === undefined ? {} : { page: opts.page }),
    rows: rows.map((row, r) =>
      row.map((spec, c): SourceCell => {
        const match = /^(.*?)@(?:r(\d+))?(?:c(\d+))?$/.exec(spec);
        const text = match ? match[1]! : spec;
        return {
          text,
          rowSpan: match?.[2] ? Number(match[2]) : 1,
          colSpan: match?.[3] ? Number(match[3]) : 1,
          headerMarkup: false,
          anchor: `${anchor}.r${r}.c${c}`,
        };
      }),
    ),
  };
}

/** Splits tab-separated lines (the seeds' own rendering) into a table spec. */
export function tsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
}

export function documentOf(tables: SourceTable[], title = '测试部门2024年部门预算'): SourceDocument {
  return { source: 'test', title, tables: tables.map((t, i) => ({ ...t, anchor: `t${i}`, rows: t.rows.map((row, r) => row.map((cell, c) => ({ ...cell, anchor: `t${i}.r${r}.c${c}` }))) })), blocks: [] };
}
