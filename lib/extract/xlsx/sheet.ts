/**
 * One worksheet streamed into a sparse model: the cells' displayed text (and the stored value
 * where the display rounds it), hidden rows and columns, merged ranges. Formulas are never
 * evaluated: a formula cell shows the value the file saved with it, and one without a saved
 * value shows nothing. The sheet is read up to the row and cell limits, then skipped.
 */
import { xlsxError } from './errors';
import type { XlsxLimits } from './limits';
import { displayNumber } from './number-format';
import { unescapeOoxml, type CellStyle, type Workbook } from './workbook';
import { createXmlTokenizer, type Attributes } from './xml';
import { partChunks, type ZipArchive } from './zip';

export interface SheetCell {
  text: string;
  /** The stored number when the displayed text rounds it (see number-format.ts). */
  exact?: string;
  numeric: boolean;
  style: number;
  /** An error value (#DIV/0!, #REF! …) saved for a formula. */
  error?: boolean;
  /** A formula with no saved value. */
  uncached?: boolean;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  /** 0-based row → 0-based column → cell. */
  rows: Map<number, Map<number, SheetCell>>;
  hiddenRows: Set<number>;
  /** Hidden column ranges, 0-based inclusive. */
  hiddenCols: [number, number][];
  merges: Merge[];
  /** The used range the sheet declares (`<dimension>`), rows and columns, if any. */
  declared?: { rows: number; cols: number };
  /** Set when the row or cell limit stopped the reading: the first row not read (0-based). */
  stoppedAt?: number;
  formulaErrors: number;
  uncachedFormulas: number;
}

export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

/** "AB12" → { row: 11, col: 27 }; null for anything else. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!match) return null;
  let col = 0;
  for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]) - 1;
  col -= 1;
  if (row < 0 || row > MAX_ROW || col > MAX_COL) return null;
  return { row, col };
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function parseRange(ref: string): Merge | null {
  const [a, b] = ref.split(':');
  const start = parseRef(a ?? '');
  const end = b === undefined ? start : parseRef(b);
  if (!start || !end) return null;
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

const ERROR_VALUES = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** Line breaks inside a cell: gone between Chinese characters, a space elsewhere. */
export function cellText(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  return text
    .replace(/([\u3000-\u9fff\uff00-\uffef])\s*[\r\n]+\s*(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

export interface SheetReadState {
  /** Cells read so far in the whole workbook. */
  cells: number;
}

export async function readSheet(zip: ZipArchive, part: string, label: string, book: Workbook, limits: XlsxLimits, state: SheetReadState): Promise<SheetModel> {
  const model: SheetModel = { rows: new Map(), hiddenRows: new Set(), hiddenCols: [], merges: [], formulaErrors: 0, uncachedFormulas: 0 };
  let rowIndex = -1;
  let rowsRead = 0;
  let row: Map<number, SheetCell> | null = null;
  let col = -1;
  // The cell being read.
  let cell: { col: number; type: string; style: number; value: string; inline: string; formula: boolean; inValue: boolean; inInline: boolean } | null = null;
  let phonetic = 0;
  let stopped = false;
  let tokenizer: ReturnType<typeof createXmlTokenizer>;

  const style = (index: number): CellStyle | undefined => book.styles[index];

  const finishCell = () => {
    if (!cell || !row) return;
    const { type, value, formula } = cell;
    let out: SheetCell;
    if (type === 's') {
      const index = Number(value);
      out = { text: cellText(book.strings[index] ?? ''), numeric: false, style: cell.style };
    } else if (type === 'inlineStr') {
      out = { text: cellText(unescapeOoxml(cell.inline)), numeric: false, style: cell.style };
    } else if (type === 'str') {
      out = { text: cellText(unescapeOoxml(value)), numeric: false, style: cell.style };
    } else if (type === 'b') {
      out = { text: value.trim() === '1' ? 'TRUE' : value.trim() === '' ? '' : 'FALSE', numeric: false, style: cell.style };
    } else if (type === 'e' || ERROR_VALUES.test(value.trim())) {
      out = { text: value.trim(), numeric: false, style: cell.style, error: true };
      model.formulaErrors += 1;
    } else if (type === 'd') {
      out = { text: value.trim(), numeric: false, style: cell.style };
    } else if (value.trim() === '') {
      out = { text: '', numeric: false, style: cell.style };
    } else {
      const shown = displayNumber(value, style(cell.style)?.format ?? 'General', book.date1904);
      out = { text: shown.text, numeric: true, style: cell.style, ...(shown.exact !== undefined ? { exact: shown.exact } : {}) };
    }
    if (formula && value === '' && type !== 'inlineStr') {
      out.uncached = true;
      model.uncachedFormulas += 1;
    }
    row.set(cell.col, out);
    cell = null;
  };

  const stop = () => {
    stopped = true;
    model.stoppedAt = rowIndex;
    cell = null;
    row = null;
    tokenizer.skipToClose('sheetData');
  };

  const open = (name: string, a: Attributes) => {
    if (stopped && name !== 'mergeCell') return;
    switch (name) {
      case 'dimension': {
        const range = a.ref ? parseRange(a.ref) : null;
        if (range) model.declared = { rows: range.bottom + 1, cols: range.right + 1 };
        return;
      }
      case 'col': {
        const min = Number(a.min) - 1;
        const max = Math.min(Number(a.max) - 1, MAX_COL);
        const hidden = a.hidden === '1' || a.hidden === 'true' || (a.width !== undefined && Number(a.width) === 0);
        if (hidden && min >= 0 && max >= min) model.hiddenCols.push([min, max]);
        return;
      }
      case 'row': {
        const r = a.r !== undefined ? Number(a.r) - 1 : rowIndex + 1;
        if (!Number.isInteger(r) || r < 0 || r > MAX_ROW || r <= rowIndex) {
          // Rows out of order or out of range: Excel refuses such a file; we skip the row.
          row = null;
          return;
        }
        rowIndex = r;
        if (rowsRead >= limits.maxRows) return stop();
        rowsRead += 1;
        if (a.hidden === '1' || a.hidden === 'true' || a.ht === '0') model.hiddenRows.add(r);
        row = model.rows.get(r) ?? new Map();
        model.rows.set(r, row);
        col = -1;
        return;
      }
      case 'c': {
        if (!row) return;
        state.cells += 1;
        if (state.cells > limits.maxCells) return stop();
        const ref = a.r ? parseRef(a.r) : null;
        const c = ref ? ref.col : col + 1;
        if (c > MAX_COL || (ref && ref.row !== rowIndex)) return;
        col = c;
        cell = { col: c, type: a.t ?? 'n', style: Number(a.s ?? 0) || 0, value: '', inline: '', formula: false, inValue: false, inInline: false };
        return;
      }
      case 'v':
        if (cell) cell.inValue = true;
        return;
      case 'f':
        if (cell) cell.formula = true;
        return;
      case 'rPh':
        phonetic += 1;
        return;
      case 't':
        if (cell && cell.type === 'inlineStr' && phonetic === 0) cell.inInline = true;
        return;
      case 'mergeCell': {
        if (model.merges.length >= limits.maxMerges) return;
        const range = a.ref ? parseRange(a.ref) : null;
        if (range && (range.bottom > range.top || range.right > range.left)) model.merges.push(range);
        return;
      }
    }
  };

  const close = (name: string) => {
    if (stopped) return;
    switch (name) {
      case 'v':
        if (cell) cell.inValue = false;
        return;
      case 't':
        if (cell) cell.inInline = false;
        return;
      case 'rPh':
        phonetic -= 1;
        return;
      case 'c':
        finishCell();
        return;
      case 'row':
        row = null;
        return;
    }
  };

  tokenizer = createXmlTokenizer({
    open: (name, attributes) => open(name, attributes),
    close,
    text(text) {
      if (!cell) return;
      if (cell.inValue && cell.value.length < limits.maxCellChars) cell.value += text;
      else if (cell.inInline && cell.inline.length < limits.maxCellChars) cell.inline += text;
    },
  });

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of partChunks(zip, part, { maxBytes: limits.sheetBytes, label, signal: limits.signal, budget: limits.budget })) {
      tokenizer.write(decoder.decode(chunk, { stream: true }));
    }
    tokenizer.write(decoder.decode());
    tokenizer.end();
  } catch (error) {
    // Rows already read stay usable when the limit stops a sheet that was being skipped anyway.
    if (!stopped || !(error instanceof Error) || error.name !== 'XlsxError') throw error;
    if (model.stoppedAt === undefined) throw xlsxError('limit', `${label}超出可读取的范围`);
  }
  return model;
}
