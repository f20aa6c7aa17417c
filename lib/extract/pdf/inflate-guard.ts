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

/** Each byte as one character (windows-1252 maps every byte to one UTF-16 unit): offsets stay byte offsets. */
const asText = (bytes: Uint8Array): string => new TextDecoder('windows-1252').decode(bytes);

/** The Flate streams that are not images, as byte ranges. */
function* flateStreams(bytes: Uint8Array): Generator<{ start: number; end: number }> {
  const text = asText(bytes);
  STREAM.lastIndex = 0;
  for (let match = STREAM.exec(text); match; match = STREAM.exec(text)) {
    if (text.startsWith('end', match.index - 3)) continue;
    const dictStart = text.lastIndexOf('<<', match.index);
    const dict = dictStart >= 0 && match.index - dictStart < 4096 ? text.slice(dictStart, match.index) : '';
    const start = match.index + match[0].length;
    const found = text.indexOf('endstream', start);
    if (found < 0) return;
    STREAM.lastIndex = found + 9;
    // The end-of-line before "endstream" is not part of the data.
    const end = text[found - 1] === '\n' ? (text[found - 2] === '\r' ? found - 2 : found - 1) : text[found - 1] === '\r' ? found - 1 : found;
    if (!/\/FlateDecode|\/Fl\b/.test(dict) || /\/Subtype\s*\/Image|\/ImageMask\s+true/.test(dict)) continue;
    yield { start, end };
  }
}

type Sized = { size: number } | { tooLarge: true } | null;

function tally(results: Iterable<Sized>, caps: { stream: number; total: number }): BombVerdict {
  let total = 0;
  let largest = 0;
  for (const result of results) {
    if (!result) continue;
    if ('tooLarge' in result) return { bomb: true, largest: caps.stream };
    largest = Math.max(largest, result.size);
    total += result.size;
    if (total > caps.total) return { bomb: true, largest };
  }
  return { bomb: false, largest };
}

const CAPS = { stream: MAX_STREAM_INFLATED, total: MAX_TOTAL_INFLATED };

/** Looks at every Flate stream that is not an image; `bomb` when one is over its cap or all together are. */
export function findInflateBomb(bytes: Uint8Array, inflate: CappedInflate, caps = CAPS): BombVerdict {
  return tally(
    (function* () {
      for (const { start, end } of flateStreams(bytes)) {
        const result = inflate(bytes.subarray(start, end), caps.stream);
        yield result;
        if (result && 'tooLarge' in result) return;
      }
    })(),
    caps,
  );
}

/**
 * The browser's variant (the viewer): DecompressionStream, stopped as soon as a stream passes its
 * cap. pdf.js runs in a worker there, but a bomb would still keep that worker parsing for minutes.
 */
export async function findInflateBombInBrowser(bytes: Uint8Array, caps = CAPS): Promise<BombVerdict> {
  const results: Sized[] = [];
  let total = 0;
  for (const { start, end } of flateStreams(bytes)) {
    const result = await inflatedSize(bytes.subarray(start, end), caps.stream);
    results.push(result);
    if (result && 'tooLarge' in result) break;
    if (result) total += result.size;
    if (total > caps.total) break;
  }
  return tally(results, caps);
}

async function inflatedSize(data: Uint8Array, max: number): Promise<Sized> {
  if (typeof DecompressionStream !== 'function') return null;
  const inflater = new DecompressionStream('deflate');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  // Fed in small slices so that no single write can expand into more than a few MB at once.
  void (async () => {
    for (let at = 0; at < data.length; at += FEED) {
      await writer.ready;
      await writer.write(data.subarray(at, at + FEED) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })().catch(() => {});
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { size };
      size += value.length;
      if (size > max) {
        await reader.cancel().catch(() => {});
        await writer.abort().catch(() => {});
        return { tooLarge: true };
      }
    }
  } catch {
    // Junk after the data, truncated, or not Flate at all: pdf.js will say so, or cope.
    return size > 0 ? { size } : null;
  }
}

const FEED = 1024;
