/**
 * Inflate bombs: a Flate stream of a few hundred KB that expands to 100 MB of drawing operators
 * keeps pdf.js parsing for minutes. In Node (the CLI), pdf.js runs in the same thread as its
 * caller, so no timer can stop it once it has started: the streams are measured first, each
 * inflated with a cap. Images are left alone (a scan may rightly be large); content, fonts and
 * object streams of a budget disclosure are far below the caps (the largest in the corpus: 4.3 MB).
 */

export const MAX_STREAM_INFLATED = 16 * 1024 * 1024;
export const MAX_TOTAL_INFLATED = 128 * 1024 * 1024;

/** Inflates at most `max` bytes: the size, or null when the stream would be larger (or is not valid Flate data). */
export type CappedInflate = (data: Uint8Array, max: number) => { size: number } | { tooLarge: true } | null;

export interface BombVerdict {
  bomb: boolean;
  /** Largest inflated non-image stream seen, in bytes. */
  largest: number;
}

const STREAM = /stream\r?\n/g;

/** Looks at every Flate stream that is not an image; `bomb` when one is over its cap or all together are. */
export function findInflateBomb(bytes: Uint8Array, inflate: CappedInflate, caps = { stream: MAX_STREAM_INFLATED, total: MAX_TOTAL_INFLATED }): BombVerdict {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let total = 0;
  let largest = 0;
  STREAM.lastIndex = 0;
  for (let match = STREAM.exec(text); match; match = STREAM.exec(text)) {
    if (text.startsWith('end', match.index - 3)) continue;
    const dictStart = text.lastIndexOf('<<', match.index);
    const dict = dictStart >= 0 && match.index - dictStart < 4096 ? text.slice(dictStart, match.index) : '';
    if (!/\/FlateDecode|\/Fl\b/.test(dict) || /\/Subtype\s*\/Image|\/ImageMask\s+true/.test(dict)) continue;
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const result = inflate(bytes.subarray(start, end), caps.stream);
    STREAM.lastIndex = end + 9;
    if (!result) continue;
    if ('tooLarge' in result) return { bomb: true, largest: caps.stream };
    largest = Math.max(largest, result.size);
    total += result.size;
    if (total > caps.total) return { bomb: true, largest };
  }
  return { bomb: false, largest };
}
