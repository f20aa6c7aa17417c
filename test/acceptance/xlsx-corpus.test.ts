/**
 * Workbooks against the PDF corpus (../shared/corpus, never copied here; skipped when absent).
 *
 * The corpus's two .xlsx files are not the Putuo 司法局 budgets' tables: they are the
 * reviewer's 公开情况检查表 (a checklist with screenshots) of those PDFs. They are read here as
 * what they are — real WPS workbooks (rich text, merges, pictures) that must give one table and
 * no false alarm. The parity of "the same document as workbook and as PDF" is checked on twin
 * workbooks built from each PDF's tables (scripts/fixtures/xlsx-twin.ts), in two layouts portals
 * use (one sheet per table; all tables on one sheet, blank rows between), with the cells the
 * 单位 PDF prints in whole 元 stored with their 分 as the workbook behind it holds them.
 * Every difference between the two forms is listed below with its reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../lib/engine/analyse';
import type { Report } from '../../lib/engine/report/schema';
import { extractXlsx } from '../../lib/extract/xlsx/index';
import { writeXlsx } from '../../scripts/fixtures/xlsx-writer';
import { extractBytes } from '../support/extract-pdf';
import { twinWorkbook, type TwinLayout } from '../../scripts/fixtures/xlsx-twin';

const CORPUS = resolve(__dirname, '../../../shared/corpus');
const present = existsSync(`${CORPUS}/xlsx`) && existsSync(`${CORPUS}/pdf`);
if (!present) console.warn(`[xlsx-corpus] ${CORPUS}/xlsx or /pdf not found: the workbook corpus tests are skipped (they need ../shared/corpus beside the project).`);

const SLOW = 120_000;

describe.skipIf(!present)('the corpus workbooks (review checklists of the 司法局 PDFs)', () => {
  it.each(['dept', 'unit'])('sh-putuo-sfj-2026-%s-budget.xlsx: one checklist table under its title lines, no finding beyond notes', async (which) => {
    const file = `${CORPUS}/xlsx/sh-putuo-sfj-2026-${which}-budget.xlsx`;
    const extraction = await extractXlsx(new Uint8Array(readFileSync(file)), { source: file });
    expect(extraction.notChecked).toEqual([]);
    const [table] = extraction.doc.tables;
    expect(extraction.doc.tables).toHaveLength(1);
    expect(table!.before[1]).toBe(`2026年度普陀区${which === 'dept' ? '部门' : '单位'}预算公开情况检查表`);
    // 内容规范性 spans the 17 content rows (A7:A23), the header's first cell three columns (A5:C5).
    expect(table!.rows[0]![0]).toMatchObject({ text: `2026年度${which === 'dept' ? '部门' : '单位'}预算公开检查内容`, colSpan: 3 });
    expect(table!.rows[2]![0]).toMatchObject({ text: '内容规范性', rowSpan: 17 });
    expect(table!.rows).toHaveLength(19);
    const report = analyse(extraction.doc, { notChecked: extraction.notChecked });
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

/** Rule|severity|table title|row|col|expected|actual of every table finding. */
function tableFindings(report: Report): string[] {
  const titles = new Map(report.tables.map((t) => [t.id, t.title]));
  // Every symptom, the consequences folded under a fault included: the two readings must give the same arithmetic.
  const symptoms = report.findings.flatMap((f) => [f, ...(f.consequences ?? [])]);
  return symptoms.flatMap((f) => ('tableId' in f.location ? [`${f.rule}|${f.severity}|${titles.get(f.location.tableId)}|${f.location.row}|${f.location.col}|${f.expected ?? ''}|${f.actual ?? ''}`] : [])).sort();
}

/** The 单位 PDF prints three amounts of its 元 tables without 分; its workbook holds them (人员经费 = 基本支出 − 公用经费 = 14,348,853.34 − 1,744,680.00). */
const UNIT_STORED = { '12,604,173': '12604173.34', '20,374,181': '20374181.34', '22,118,861': '22118861.34' };
const ROUNDED = 'the PDF prints the cell in whole 元 (12,604,173 / 20,374,181 / 22,118,861) in a table of 分; the workbook stores ….34 under a #,##0 format, the sum holds on the stored values, and the 0.34 "error" of the PDF is the rounding of its print';

/** file → findings only the PDF gives (or only the workbook, prefixed "xlsx:") → reason. */
const findingDifferences: Record<string, Record<string, string>> = {
  'sh-putuo-sfj-2026-dept-budget': {},
  'sh-putuo-sfj-2026-unit-budget': {
    'sum.columns|error|2026年预算单位财务收支预算总表|4|3|79189400.00|79189400.34': ROUNDED,
    'sum.columns|error|2026年预算单位财务收支预算总表|15|3|86959408.00|86959408.34': ROUNDED,
    'sum.code-hierarchy|error|2026年预算单位支出预算总表|24|5|22118861.34|22118861.00': ROUNDED,
    'sum.columns|error|2026年预算单位支出预算总表|24|4|86959408.00|86959408.34': ROUNDED,
    'sum.code-hierarchy|error|2026年预算单位一般公共预算支出功能分类预算表|24|5|22118861.34|22118861.00': ROUNDED,
    'sum.columns|error|2026年预算单位一般公共预算支出功能分类预算表|24|4|86959408.00|86959408.34': ROUNDED,
  },
};

/** file → table title → why its row count differs. */
const rowDifferences: Record<string, Record<string, string>> = {
  // None since PDF extraction drops the header rows repeated on a continuation page.
};

const LAYOUTS: TwinLayout[] = ['sheet-per-table', 'one-sheet'];
const parityLines: string[] = [];

describe.skipIf(!present)('the same document as PDF and as workbook', () => {
  describe.each(Object.keys(findingDifferences))('%s', (name) => {
    const pdfReport = (async () => {
      const extraction = await extractBytes(new Uint8Array(readFileSync(`${CORPUS}/pdf/${name}.pdf`)));
      return { doc: extraction.doc, report: analyse(extraction.doc, { notChecked: extraction.notChecked }) };
    })();

    it.each(LAYOUTS)('%s: the same tables and the same findings, differences only as listed', async (layout) => {
      const { doc, report: pdf } = await pdfReport;
      const twin = writeXlsx(twinWorkbook(doc, layout, name.endsWith('unit-budget') ? UNIT_STORED : {}));
      const extraction = await extractXlsx(twin, { source: `${name}.xlsx` });
      const xlsx = analyse(extraction.doc, { notChecked: extraction.notChecked });

      expect(xlsx.tables.map((t) => [t.title, t.kind, t.unit, t.cols])).toEqual(pdf.tables.map((t) => [t.title, t.kind, t.unit, t.cols]));
      const rowNotes = rowDifferences[name] ?? {};
      pdf.tables.forEach((table, i) => {
        const other = xlsx.tables[i]!;
        const pdfFindings = tableFindings(pdf).filter((k) => k.split('|')[2] === table.title);
        const xlsxFindings = tableFindings(xlsx).filter((k) => k.split('|')[2] === table.title);
        parityLines.push(
          `${name.replace('sh-putuo-sfj-2026-', '')} ${layout.padEnd(15)} ${table.title.padEnd(30, '　')} rows ${table.rows}/${other.rows} findings ${pdfFindings.length}/${xlsxFindings.length}`,
        );
        if (rowNotes[table.title]) expect(other.rows, rowNotes[table.title]).not.toBe(table.rows);
        else expect(other.rows, table.title).toBe(table.rows);
      });
      expect(xlsx.document.completeness?.summary).toBe(pdf.document.completeness?.summary);
      expect([xlsx.document.year, xlsx.document.kind]).toEqual([pdf.document.year, pdf.document.kind]);

      const listed = findingDifferences[name]!;
      const a = tableFindings(pdf);
      const b = tableFindings(xlsx);
      const onlyPdf = a.filter((k) => !b.includes(k));
      const onlyXlsx = b.filter((k) => !a.includes(k)).map((k) => `xlsx:${k}`);
      expect([...onlyPdf, ...onlyXlsx].sort()).toEqual(Object.keys(listed).sort());
      // The workbook says which cells it shows rounded.
      if (name.endsWith('unit-budget')) expect(new Set(extraction.rounded.map((r) => r.shown))).toEqual(new Set(Object.keys(UNIT_STORED)));
    }, SLOW);
  });

  it('prints the parity table', () => {
    console.log(`PDF ↔ workbook parity (rows pdf/xlsx, table findings pdf/xlsx):\n${parityLines.join('\n')}`);
  });
});
