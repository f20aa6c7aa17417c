/**
 * An .xlsx workbook → the SourceDocument analysis reads (tables and lines of every visible
 * sheet, in order), plus where each anchor sits in the workbook. Runs the same in the viewer
 * page and in Node; loaded only by dynamic import, never in the content script.
 */
import type { SourceDocument } from '../../engine/source';
import type { NotChecked } from '../../engine/report/schema';
import { xlsxError } from './errors';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits';
import { readSheet, type SheetReadState } from './sheet';
import { containerKind } from './sniff';
import { layoutSheet, type CellPlace, type LayoutCounters } from './tables';
import { readWorkbook } from './workbook';
import { openZip } from './zip';

export type { CellPlace } from './tables';
export { isXlsxError, xlsxFailureReason, type XlsxFailure } from './errors';

export interface RoundedCell {
  anchor: string;
  place: CellPlace;
  shown: string;
  stored: string;
}

export interface XlsxExtraction {
  doc: SourceDocument;
  /** Parts not read or not checkable (hidden sheets, rows past the limit, formula errors …). */
  notChecked: NotChecked[];
  /** Every anchor of `doc` → its sheet and cell. */
  places: Map<string, CellPlace>;
  sheets: { name: string; hidden: boolean }[];
  /** Table cells whose display rounds the stored number (the analysis uses the stored one). */
  rounded: RoundedCell[];
}

export interface XlsxExtractOptions {
  source: string;
  signal?: AbortSignal;
  /** Called after each sheet: sheets read so far and the total. */
  onProgress?: (done: number, total: number) => void;
  limits?: Partial<XlsxLimits>;
}

const LEGACY_REASON = 'Excel 97-2003 工作簿（.xls）暂不支持：请在 Excel 或 WPS 中另存为 .xlsx 后再检查';

export async function extractXlsx(bytes: Uint8Array, options: XlsxExtractOptions): Promise<XlsxExtraction> {
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...options.limits, signal: options.signal };
  limits.budget = { left: limits.totalBytes };
  switch (containerKind(bytes)) {
    case 'zip':
      break;
    case 'legacy-excel':
      throw xlsxError('legacy-xls', LEGACY_REASON);
    case 'encrypted-ooxml':
      throw xlsxError('encrypted', '工作簿设置了打开密码（已加密），无法读取');
    case 'legacy-word':
      throw xlsxError('not-xlsx', '这是 Word 97-2003 文档（.doc），不是工作簿，暂不支持');
    case 'legacy-office':
      throw xlsxError('legacy-xls', LEGACY_REASON);
    default:
      throw xlsxError('not-xlsx', '文件不是 Excel 工作簿（.xlsx）');
  }
  const zip = openZip(bytes);
  const book = await readWorkbook(zip, limits);
  const notChecked: NotChecked[] = [];
  const places = new Map<string, CellPlace>();
  const doc: SourceDocument = { source: options.source, title: book.title, tables: [], blocks: [] };
  const counters: LayoutCounters = { tables: 0, blocks: 0, seq: 0 };
  const state: SheetReadState = { cells: 0 };
  const rounded: RoundedCell[] = [];

  if (book.macros) notChecked.push({ what: '宏（VBA 代码）', reason: '工作簿含宏；预算透镜从不运行宏，只读取单元格中保存的值' });
  if (book.externalLinks) notChecked.push({ what: '外部链接', reason: `工作簿引用了 ${book.externalLinks} 个其他工作簿；引用它们的公式按保存时的结果读取，没有重新计算` });

  const sheets = book.sheets.slice(0, limits.maxSheets);
  if (book.sheets.length > limits.maxSheets) notChecked.push({ what: `第 ${limits.maxSheets + 1}–${book.sheets.length} 张工作表`, reason: `工作簿共 ${book.sheets.length} 张工作表，只读取了前 ${limits.maxSheets} 张` });
  let done = 0;
  for (const [index, sheet] of sheets.entries()) {
    options.signal?.throwIfAborted();
    const what = `工作表「${sheet.name}」`;
    if (sheet.hidden) notChecked.push({ what, reason: '隐藏的工作表（读者看不到），未检查' });
    else if (sheet.kind === 'worksheet') {
      try {
        const model = await readSheet(zip, sheet.part, what, book, limits, state);
        const layout = layoutSheet(model, index, sheet.name, book.styles, counters);
        doc.tables.push(...layout.tables);
        doc.blocks.push(...layout.blocks);
        for (const [anchor, place] of layout.places) places.set(anchor, place);
        notChecked.push(...layout.notChecked);
        for (const table of layout.tables) {
          for (const row of table.rows) for (const cell of row) if (cell.exact !== undefined) rounded.push({ anchor: cell.anchor, place: layout.places.get(cell.anchor)!, shown: cell.text, stored: cell.exact });
        }
        if (model.stoppedAt !== undefined) {
          const total = model.declared && model.declared.rows > model.stoppedAt ? `（表中声明的范围共 ${model.declared.rows} 行）` : '';
          notChecked.push({ what: `${what}第 ${model.stoppedAt + 1} 行起`, reason: `超出读取上限（每张工作表 ${limits.maxRows} 行、整个工作簿 ${limits.maxCells} 个单元格）${total}，其余未检查` });
        }
        if (model.formulaErrors) notChecked.push({ what: `${what}中 ${model.formulaErrors} 个单元格`, reason: '公式结果是错误值（如 #DIV/0!、#REF!），按文字显示，未核对' });
        if (model.uncachedFormulas) notChecked.push({ what: `${what}中 ${model.uncachedFormulas} 个单元格`, reason: '公式没有保存计算结果（预算透镜不运行公式），显示为空，未核对' });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        notChecked.push({ what, reason: (error instanceof Error ? error.message : String(error)).replace(/[，,]?未(?:读取|检查)$/, '') + '，未检查' });
      }
    }
    done += 1;
    options.onProgress?.(done, sheets.length);
  }
  if (!doc.title) doc.title = doc.blocks.find((b) => b.kind === 'heading')?.text ?? doc.blocks[0]?.text ?? '';
  if (doc.tables.length === 0 && doc.blocks.length === 0 && !notChecked.some((n) => n.what.startsWith('工作表'))) {
    notChecked.push({ what: '整个工作簿', reason: '工作簿中没有任何内容，没有可检查的内容' });
  }
  return { doc, notChecked, places, sheets: book.sheets.map((s) => ({ name: s.name, hidden: s.hidden })), rounded };
}
