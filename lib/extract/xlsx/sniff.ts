/**
 * What a file is, from its first bytes: a ZIP package (an .xlsx, or another Office/ODF file,
 * told apart once its directory is read) or an OLE compound file (Excel 97–2003 .xls, Word .doc,
 * or an .xlsx encrypted with a password, which Office wraps in the same container).
 */
export type ContainerKind = 'zip' | 'legacy-excel' | 'legacy-word' | 'encrypted-ooxml' | 'legacy-office' | null;

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) out[i * 2] = text.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function containerKind(bytes: Uint8Array): ContainerKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) return 'zip';
  if (!CFB.every((b, i) => bytes[i] === b)) return null;
  // Stream names live in the directory sectors, UTF-16LE.
  if (contains(bytes, utf16('EncryptionInfo'))) return 'encrypted-ooxml';
  if (contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))) return 'legacy-excel';
  if (contains(bytes, utf16('WordDocument'))) return 'legacy-word';
  return 'legacy-office';
}

/** A name or a media type that says "spreadsheet" (links on portals, Content-Type, Content-Disposition). */
export const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|et)(?:$|[?#"';\s])/i;
export const XLSX_MEDIA_TYPE = /application\/(?:vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|vnd\.ms-excel(?:\.sheet\.macroenabled\.12)?)/i;
