/**
 * Bytes → HTML text. Many government portals serve GBK/GB2312 and say so only in a `<meta>`,
 * some say nothing at all. Order as browsers do: byte-order mark, then the HTTP Content-Type,
 * then the document's own `<meta charset>` / `http-equiv`; with no declaration, UTF-8 when the
 * bytes are valid UTF-8, else GB18030 (the superset of GBK and GB2312).
 */

const PRESCAN_BYTES = 8192;
const CONTENT_TYPE_CHARSET = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
const META_TAG = /<meta\b[^>]*>/gi;

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType ? CONTENT_TYPE_CHARSET.exec(contentType) : null;
  return match ? match[1]!.toLowerCase() : null;
}

/** The charset a `<meta>` near the start declares, read as Latin-1 so any encoding can be scanned. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const [tag] of head.matchAll(META_TAG)) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!.toLowerCase();
  }
  return null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // an unknown label is as good as none
  }
}

export interface DecodedHtml {
  text: string;
  /** The encoding actually used (WHATWG name, e.g. "gbk", "utf-8"). */
  charset: string;
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const declared =
    decoderFor(bomCharset(bytes)) ?? decoderFor(charsetFromContentType(contentType)) ?? decoderFor(sniffMetaCharset(bytes));
  if (declared) return { text: declared.decode(bytes), charset: declared.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}

/** True for bytes that start like a PDF file ("%PDF-", possibly after a little junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
