/**
 * Is a top-level response a PDF that Budget Lens should open in its own viewer? One predicate
 * for every path: Firefox's blocking webRequest calls it directly, and the Chrome
 * declarativeNetRequest rules (dnr-rules.ts) express the same logic as rule conditions.
 *
 * Portals serve PDFs from URLs like `download.do?id=…`, so the content type decides, with the
 * file name (in the URL path or Content-Disposition) deciding for generic binary types.
 */

export interface ResponseInfo {
  method: string;
  status: number;
  url: string;
  /** Header name → value; names in any case. */
  headers: ReadonlyArray<{ name: string; value?: string }>;
}

/** Content types that say "some file": a PDF only when its name says so. */
export const GENERIC_BINARY_TYPES = ['application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/force-download'] as const;

export function isPdfResponse(response: ResponseInfo): boolean {
  // Only GET can be fetched again by the viewer; only a final 200 carries the document.
  if (response.method.toUpperCase() !== 'GET') return false;
  if (response.status !== 200) return false;
  const type = mediaType(header(response.headers, 'content-type'));
  if (type === 'application/pdf') return true;
  if (type !== undefined && !(GENERIC_BINARY_TYPES as readonly string[]).includes(type)) return false;
  return hasPdfPath(response.url) || dispositionNamesPdf(header(response.headers, 'content-disposition'));
}

function header(headers: ResponseInfo['headers'], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/** "Application/PDF; charset=binary" → "application/pdf"; undefined when absent or empty. */
export function mediaType(value: string | undefined): string | undefined {
  const type = value?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** The URL's path (not its query) ends in .pdf. */
export function hasPdfPath(url: string): boolean {
  try {
    return /\.pdf$/i.test(decodeURIComponent(new URL(url).pathname));
  } catch {
    return false;
  }
}

/** `attachment; filename="2024年预算.pdf"`, `filename*=UTF-8''%E9%A2%84%E7%AE%97%2Epdf`, unquoted names. */
export function dispositionNamesPdf(value: string | undefined): boolean {
  if (!value) return false;
  for (const match of value.matchAll(/filename\*?\s*=\s*("([^"]*)"|[^;]*)/gi)) {
    let name = (match[2] ?? match[1] ?? '').trim();
    // RFC 5987: charset'lang'percent-encoded
    const extended = /^[\w-]+'[^']*'(.*)$/.exec(name);
    if (extended) name = extended[1]!;
    try {
      name = decodeURIComponent(name);
    } catch {
      // A stray % is not an encoding: read the name as it is.
    }
    if (/\.pdf\s*$/i.test(name)) return true;
  }
  return false;
}
