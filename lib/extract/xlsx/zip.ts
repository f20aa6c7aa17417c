/**
 * The ZIP container of an .xlsx, read from its central directory. No zip library: the platform's
 * own raw-DEFLATE decoder (DecompressionStream 'deflate-raw', in browsers and in Node 20) does
 * the inflating, natively and as a stream, so a part is never held whole unless its reader wants
 * it, and every part is cut off at a byte limit however small its compressed size (zip bombs).
 */
import { xlsxError } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the directory declares it; never trusted for allocation, only for a fast refusal. */
  size: number;
  /** Offset of the local header. */
  offset: number;
  encrypted: boolean;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** A workbook has a few dozen parts; a directory of more is not a workbook we read. */
export const MAX_ENTRIES = 20_000;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** 64-bit little-endian as a number; beyond 2^53 the file is not one we can read anyway. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

/** Part names are compared without case and without a leading slash, as OPC prescribes. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

function findEndOfDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at -= 1) {
    if (u32(bytes, at) === EOCD) return at;
  }
  return -1;
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const end = bytes.length >= 22 ? findEndOfDirectory(bytes) : -1;
  if (end < 0) throw xlsxError('corrupt', '文件不是完整的 ZIP 压缩包（可能已损坏或下载不完整），无法读取工作簿');
  let count = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryAt = u32(bytes, end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryAt === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR) {
      const record = u64(bytes, locator + 8);
      if (record + 56 <= bytes.length && u32(bytes, record) === ZIP64_EOCD) {
        count = u64(bytes, record + 32);
        directorySize = u64(bytes, record + 40);
        directoryAt = u64(bytes, record + 48);
      }
    }
  }
  if (count > MAX_ENTRIES) throw xlsxError('limit', `压缩包中有 ${count} 个文件，超出工作簿的合理范围（上限 ${MAX_ENTRIES}），未读取`);
  if (directoryAt + directorySize > bytes.length) throw xlsxError('corrupt', 'ZIP 目录超出文件末尾（文件可能下载不完整），无法读取工作簿');

  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  let at = directoryAt;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw xlsxError('corrupt', 'ZIP 目录已损坏，无法读取工作簿');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let offset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field: the 0xffffffff fields follow in a fixed order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd && extraEnd <= bytes.length) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff && field + 8 <= extra + 4 + length) {
          size = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= extra + 4 + length) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (offset === 0xffffffff && field + 8 <= extra + 4 + length) offset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    const key = partKey(name);
    // The first of two same-named parts wins, as Excel's reader does; the second is never read.
    if (!entries.has(key)) entries.set(key, { name, method, compressedSize, size, offset, encrypted: (flags & 1) === 1 });
    at = extraEnd + commentLength;
  }
  return { bytes, entries };
}

export function hasPart(zip: ZipArchive, name: string): boolean {
  return zip.entries.has(partKey(name));
}

/** Where an entry's compressed bytes are, from its local header (whose sizes may be zero: data descriptors). */
function dataOf(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const { bytes } = zip;
  if (entry.offset + 30 > bytes.length || u32(bytes, entry.offset) !== LOCAL) throw xlsxError('corrupt', `工作簿部件 ${entry.name} 的位置有误（ZIP 已损坏），无法读取`);
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw xlsxError('corrupt', `工作簿部件 ${entry.name} 超出文件末尾（文件可能下载不完整），无法读取`);
  return bytes.subarray(start, end);
}

export interface InflateLimits {
  /** Most bytes this part may inflate to. */
  maxBytes: number;
  /** What to call the part in a reason ("工作表「收支总表」"). */
  label: string;
  signal?: AbortSignal;
  /** Bytes left for the whole workbook, shared by all its parts and spent as they inflate. */
  budget?: { left: number };
}

/**
 * The inflated bytes of a part, chunk by chunk. Stops with a 'limit' error past `maxBytes`;
 * a consumer that stops early (its row limit reached) cancels the inflating.
 */
export async function* partChunks(zip: ZipArchive, name: string, limits: InflateLimits): AsyncGenerator<Uint8Array> {
  const entry = zip.entries.get(partKey(name));
  if (!entry) throw xlsxError('corrupt', `工作簿缺少部件 ${name}，无法读取`);
  if (entry.encrypted) throw xlsxError('encrypted', '工作簿的压缩包已加密，无法读取');
  const overBudget = (): Error => xlsxError('limit', `工作簿各部件解压后合计超出上限（可能是压缩炸弹），${limits.label}未读取`);
  const spend = (n: number) => {
    if (!limits.budget) return;
    limits.budget.left -= n;
    if (limits.budget.left < 0) throw overBudget();
  };
  const tooBig = (): Error =>
    xlsxError('limit', `${limits.label}解压后超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB（可能是压缩炸弹），未读取`);
  if (entry.size > limits.maxBytes) throw tooBig();
  const data = dataOf(zip, entry);
  if (entry.method === STORED) {
    if (data.length > limits.maxBytes) throw tooBig();
    for (let at = 0; at < data.length; at += 65536) {
      limits.signal?.throwIfAborted();
      const chunk = data.subarray(at, Math.min(data.length, at + 65536));
      spend(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== DEFLATED) throw xlsxError('unsupported', `工作簿部件 ${entry.name} 使用了不支持的压缩方式（${entry.method}），无法读取`);
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      limits.signal?.throwIfAborted();
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        throw xlsxError('corrupt', `工作簿部件 ${entry.name} 的压缩数据已损坏，无法读取`);
      }
      if (step.done) return;
      total += step.value.length;
      if (total > limits.maxBytes) throw tooBig();
      spend(step.value.length);
      yield step.value;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** A small part whole (workbook.xml, relationships, styles), as text. XML parts are UTF-8 (a BOM is dropped). */
export async function partText(zip: ZipArchive, name: string, limits: InflateLimits): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of partChunks(zip, name, limits)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
