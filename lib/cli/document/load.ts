import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeHtml, looksLikePdf } from '../../extract/charset';
import { errorCode } from '../errors';

/**
 * One input (a path, a file: URL or an http(s) address) read into bytes and told apart: an HTML
 * page (decoded), a PDF, a workbook (any ZIP or OLE file: the workbook reader says what it is
 * when it is not one), or a one-line reason it cannot be checked.
 */
export type Loaded =
  | { kind: 'html'; source: string; text: string; bytes: Uint8Array }
  | { kind: 'pdf'; source: string; bytes: Uint8Array }
  | { kind: 'xlsx'; source: string; bytes: Uint8Array }
  | { kind: 'failed'; message: string };

export const FETCH_TIMEOUT_MS = 20_000;
export const MAX_BYTES = 64 * 1024 * 1024;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export async function load(input: string, fetchTimeoutMs = FETCH_TIMEOUT_MS): Promise<Loaded> {
  if (isUrl(input)) return loadUrl(input, fetchTimeoutMs);
  const path = /^file:/i.test(input) ? fileURLToPath(input) : input;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = errorCode(error);
    return { kind: 'failed', message: code === 'EISDIR' ? `无法读取文件 ${input}：这是一个目录（EISDIR）` : `无法读取文件 ${input}：${code}` };
  }
  if (bytes.length > MAX_BYTES) return { kind: 'failed', message: `文件过大，未核对：${input}（${bytes.length} 字节）` };
  if (/\.pdf$/i.test(path) || looksLikePdf(bytes)) return { kind: 'pdf', source: input, bytes };
  if (officeFile(bytes) || /\.(xlsx|xlsm|xls)$/i.test(path)) return { kind: 'xlsx', source: input, bytes };
  return { kind: 'html', source: input, text: decodeHtml(bytes).text, bytes };
}

async function loadUrl(url: string, timeoutMs: number): Promise<Loaded> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;q=0.9,*/*;q=0.8',
        // Some portals turn away clients that do not look like a browser.
        'user-agent': 'Mozilla/5.0 (compatible; budget-lens CLI)',
      },
    });
  } catch (error) {
    return { kind: 'failed', message: `无法访问 ${url}：${errorCode(error, timeoutMs)}` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'failed', message: `无法访问 ${url}：HTTP ${response.status} ${response.statusText}`.trimEnd() };
  }
  const source = response.url || url;
  const contentType = response.headers.get('content-type');
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, MAX_BYTES);
  } catch (error) {
    return { kind: 'failed', message: `无法读取 ${url} 的内容：${errorCode(error, timeoutMs)}` };
  }
  if (looksLikePdf(bytes) || (contentType && /\bpdf\b/i.test(contentType)) || (!contentType && /\.pdf$/i.test(new URL(source).pathname))) {
    return { kind: 'pdf', source, bytes };
  }
  if (officeFile(bytes)) return { kind: 'xlsx', source, bytes };
  if (contentType && /^(image|audio|video|font)\//i.test(contentType)) {
    return { kind: 'failed', message: `不是 HTML 页面：${url}（${contentType}，暂不支持）` };
  }
  return { kind: 'html', source, text: decodeHtml(bytes, contentType).text, bytes };
}

async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new Error(`more than ${max} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Word and Excel files are common on portals next to the HTML: ZIP (.xlsx, .docx) or OLE (.xls, .doc). */
function officeFile(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'Office/ZIP 文件';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'Word/Excel 97 文件';
  return null;
}
