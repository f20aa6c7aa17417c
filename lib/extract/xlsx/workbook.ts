/**
 * The parts of a workbook around its sheets: which sheets there are (and which are hidden),
 * where their parts are, the shared strings, the cell styles (number format, bold, borders),
 * and what the package holds besides (macros, external links), each read with a byte limit.
 */
import { xlsxError } from './errors';
import { builtInFormat } from './number-format';
import { createXmlTokenizer, type Attributes } from './xml';
import { hasPart, partChunks, partText, type ZipArchive } from './zip';
import type { XlsxLimits } from './limits';

export interface SheetRef {
  name: string;
  /** Part name inside the package, "xl/worksheets/sheet1.xml". */
  part: string;
  hidden: boolean;
  /** Chart sheets and dialog sheets hold no cells. */
  kind: 'worksheet' | 'chartsheet' | 'other';
}

export interface CellStyle {
  format: string;
  bold: boolean;
  /** Font size in points (11 when the style does not say). */
  size: number;
  border: boolean;
}

export interface Workbook {
  sheets: SheetRef[];
  strings: string[];
  styles: CellStyle[];
  date1904: boolean;
  /** The package carries VBA code (an .xlsm): never run, only its cells' saved values are read. */
  macros: boolean;
  /** Links to other workbooks: formulas that use them show their cached values. */
  externalLinks: number;
  title: string;
}

const WORKSHEET = /\/worksheet$/;
const CHARTSHEET = /\/(chartsheet|dialogsheet|macrosheet)$/;

/** Targets are relative to the part that holds the relationship, or absolute from the package root. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const relsOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseXml(text: string, open: (name: string, attributes: Attributes) => void, close?: (name: string) => void, onText?: (text: string) => void): void {
  const tokenizer = createXmlTokenizer({ open, close: close ?? (() => {}), text: onText ?? (() => {}) });
  tokenizer.write(text);
  tokenizer.end();
}

async function relationships(zip: ZipArchive, part: string, limits: XlsxLimits): Promise<Relationship[]> {
  const rels = relsOf(part);
  if (!hasPart(zip, rels)) return [];
  const out: Relationship[] = [];
  parseXml(await partText(zip, rels, { maxBytes: limits.smallPartBytes, label: '关系部件', signal: limits.signal, budget: limits.budget }), (name, a) => {
    if (name === 'Relationship' && a.Id && a.Target) out.push({ id: a.Id, type: a.Type ?? '', target: a.Target, external: a.TargetMode === 'External' });
  });
  return out;
}

/** The workbook part: from the package relationships, else the usual name. */
async function workbookPart(zip: ZipArchive, limits: XlsxLimits): Promise<string> {
  const root = await relationships(zip, '', limits).catch(() => []);
  const main = root.find((r) => r.type.endsWith('/officeDocument'));
  if (main && !main.external) return resolveTarget('', main.target);
  if (hasPart(zip, 'xl/workbook.xml')) return 'xl/workbook.xml';
  if (hasPart(zip, 'xl/workbook.bin')) throw xlsxError('unsupported', 'Excel 二进制工作簿（.xlsb）暂不支持，请另存为 .xlsx 后再检查');
  if (hasPart(zip, 'content.xml') && hasPart(zip, 'mimetype')) throw xlsxError('unsupported', 'OpenDocument 表格（.ods）暂不支持，请另存为 .xlsx 后再检查');
  if (hasPart(zip, 'word/document.xml')) throw xlsxError('not-xlsx', '这是 Word 文档（.docx），不是工作簿，暂不支持');
  throw xlsxError('not-xlsx', 'ZIP 压缩包中没有工作簿（不是 .xlsx 文件）');
}

async function readStrings(zip: ZipArchive, part: string, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inString = false;
  let inText = false;
  let phonetic = 0;
  const tokenizer = createXmlTokenizer({
    open(name) {
      if (name === 'si') {
        inString = true;
        current = '';
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && inString && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        if (strings.length >= limits.maxStrings) throw xlsxError('limit', `共享字符串超过 ${limits.maxStrings} 个，工作簿超出可检查的范围，未读取`);
        strings.push(unescapeOoxml(current));
        inString = false;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current.length < limits.maxCellChars) current += text;
    },
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of partChunks(zip, part, { maxBytes: limits.stringsBytes, label: '共享字符串部件', signal: limits.signal, budget: limits.budget })) {
    tokenizer.write(decoder.decode(chunk, { stream: true }));
  }
  tokenizer.write(decoder.decode());
  tokenizer.end();
  return strings;
}

/** ST_Xstring escapes characters XML cannot carry as _xHHHH_ ("_x000D_" for a carriage return). */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

async function readStyles(zip: ZipArchive, part: string, limits: XlsxLimits): Promise<CellStyle[]> {
  const formats = new Map<number, string>();
  const fonts: { bold: boolean; size: number }[] = [];
  const borders: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number; borderId: number }[] = [];
  let section = '';
  let font: { bold: boolean; size: number } | null = null;
  let border: boolean | null = null;
  let borderSide = '';
  const MAX = 100_000;
  parseXml(
    await partText(zip, part, { maxBytes: limits.smallPartBytes, label: '样式部件', signal: limits.signal, budget: limits.budget }),
    (name, a) => {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) formats.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'fonts' || name === 'borders' || name === 'cellXfs' || name === 'cellStyleXfs' || name === 'dxfs') section = name;
      else if (section === 'fonts' && name === 'font') font = { bold: false, size: 11 };
      else if (section === 'fonts' && font && name === 'b') font.bold = a.val !== '0' && a.val !== 'false';
      else if (section === 'fonts' && font && name === 'sz' && a.val) font.size = Number(a.val) || 11;
      else if (section === 'borders' && name === 'border') border = false;
      else if (section === 'borders' && border !== null && /^(left|right|top|bottom|start|end)$/.test(name)) {
        borderSide = name;
        if (a.style && a.style !== 'none') border = true;
      } else if (section === 'cellXfs' && name === 'xf' && xfs.length < MAX) {
        xfs.push({ numFmtId: Number(a.numFmtId ?? 0), fontId: Number(a.fontId ?? 0), borderId: Number(a.borderId ?? 0) });
      }
    },
    (name) => {
      if (name === 'font' && font && fonts.length < MAX) fonts.push(font);
      if (name === 'font') font = null;
      if (name === 'border' && border !== null && borders.length < MAX) borders.push(border);
      if (name === 'border') border = null;
      if (name === borderSide) borderSide = '';
      if (name === section) section = '';
    },
  );
  return xfs.map((xf) => ({
    format: formats.get(xf.numFmtId) ?? builtInFormat(xf.numFmtId) ?? 'General',
    bold: fonts[xf.fontId]?.bold ?? false,
    size: fonts[xf.fontId]?.size ?? 11,
    border: borders[xf.borderId] ?? false,
  }));
}

async function readTitle(zip: ZipArchive, limits: XlsxLimits): Promise<string> {
  if (!hasPart(zip, 'docProps/core.xml')) return '';
  let title = '';
  let inTitle = false;
  try {
    parseXml(
      await partText(zip, 'docProps/core.xml', { maxBytes: limits.smallPartBytes, label: '文档属性', signal: limits.signal, budget: limits.budget }),
      (name) => (inTitle = name === 'title'),
      () => (inTitle = false),
      (text) => {
        if (inTitle && title.length < 200) title += text;
      },
    );
  } catch {
    return '';
  }
  return title.trim();
}

export async function readWorkbook(zip: ZipArchive, limits: XlsxLimits): Promise<Workbook> {
  const part = await workbookPart(zip, limits);
  const rels = await relationships(zip, part, limits);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXml(await partText(zip, part, { maxBytes: limits.smallPartBytes, label: '工作簿部件', signal: limits.signal, budget: limits.budget }), (name, a) => {
    if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    if (name !== 'sheet' || !a.id) return;
    const rel = byId.get(a.id);
    if (!rel || rel.external) return;
    const kind = WORKSHEET.test(rel.type) ? 'worksheet' : CHARTSHEET.test(rel.type) ? 'chartsheet' : 'other';
    sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, part: resolveTarget(part, rel.target), hidden: a.state === 'hidden' || a.state === 'veryHidden', kind });
  });
  const stringsRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  const stringsPart = stringsRel ? resolveTarget(part, stringsRel.target) : null;
  const stylesPart = stylesRel ? resolveTarget(part, stylesRel.target) : null;
  const strings = stringsPart && hasPart(zip, stringsPart) ? await readStrings(zip, stringsPart, limits) : [];
  const styles = stylesPart && hasPart(zip, stylesPart) ? await readStyles(zip, stylesPart, limits) : [];
  const names = [...zip.entries.keys()];
  return {
    sheets,
    strings,
    styles,
    date1904,
    macros: names.some((n) => n.endsWith('vbaproject.bin')),
    externalLinks: names.filter((n) => /^xl\/externallinks\/[^/]+\.xml$/.test(n)).length,
    title: await readTitle(zip, limits),
  };
}

