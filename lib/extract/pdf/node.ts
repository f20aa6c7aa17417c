import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { inflateSync } from 'node:zlib';
import { findInflateBomb, MAX_STREAM_INFLATED, type CappedInflate } from './inflate-guard';
import { pdfjsDocumentParams } from './params';

const cappedInflate: CappedInflate = (data, max) => {
  try {
    return { size: inflateSync(data, { maxOutputLength: max }).length };
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? { tooLarge: true } : null;
  }
};

/**
 * pdf.js in Node (CLI, tests, benchmark): CMaps and standard fonts read from the installed
 * package. Node entry only; the viewer loads pdf.js its own way. Every choice below was measured
 * on ../shared/corpus/pdf with identical extraction results (test/lib/extract/pdf/node.test.ts
 * and the CLI parity test guard that):
 *
 * - the legacy build: the modern one needs built-ins Node 20 lacks (Promise.withResolvers,
 *   Map#getOrInsertComputed, ArrayBuffer#transferToFixedLength…), and pdf.js swallows the
 *   TypeErrors, cutting operator lists short: tables vanish without a word;
 * - the legacy build's polyfills replace Array.prototype.push, JSON.parse and JSON.stringify for
 *   edge cases pdf.js never meets (array-likes longer than 2³², JSON parse-with-source); the
 *   replacements are plain JS and slowed every push in pdf.js and in the analysis, so the
 *   built-ins are put back once both halves of pdf.js are loaded;
 * - a stand-in page for fonts (FONT_SINK): see there.
 */
const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * pdf.js installs every embedded font in the page (the document's FontFace API) so that a canvas
 * can draw with it. Node has no page: without one, pdf.js base64-encodes each font into an
 * @font-face rule, fails to insert it, and answers (FontFallback) by compiling the outline of
 * every glyph of that font, and of every glyph it meets afterwards, for a canvas that never comes
 * (on the corpus: a fifth of the CPU, and the base64 copies of CJK fonts in memory). This
 * stand-in page takes each font and drops it; pdf.js then frees the font data on this side. Text
 * and positions come from the parser and do not change.
 */
const FONT_SINK = { fonts: { add() {}, delete() {} } };

/** The FontFace pdf.js constructs for FONT_SINK: nothing to load. Installed only where none exists (Node). */
class DroppedFontFace {
  readonly loaded = Promise.resolve(this);
}

const PATCHED_BUILT_INS = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
] as const;

let loading: Promise<Pdfjs> | undefined;

/** pdf.js, loaded once per thread, the built-ins its polyfills replaced restored. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const saved = PATCHED_BUILT_INS.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)!] as const);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // The parser ("fake worker" on this thread) carries its own copy of the polyfills: load it
    // now rather than on the first getDocument, so that those are undone too. It registers
    // itself as globalThis.pdfjsWorker, which pdf.js then uses instead of importing a file.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    for (const [owner, key, descriptor] of saved) Object.defineProperty(owner, key, descriptor);
    (globalThis as { FontFace?: unknown }).FontFace ??= DroppedFontFace;
    return pdfjs;
  })();
  return loading;
}

export async function openPdfInNode(data: Uint8Array): Promise<PDFDocumentProxy> {
  if (findInflateBomb(data, cappedInflate).bomb) {
    throw Object.assign(new Error(`PDF 中有解压后超过 ${MAX_STREAM_INFLATED / 1024 / 1024} MB 的数据流（可能是压缩炸弹）`), { name: 'InflateBombError' });
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; callers keep theirs.
    data: new Uint8Array(data),
    ...pdfjsDocumentParams({ cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' }),
    // No system fonts in Node (pdf.js would need the browser's font loading API for them).
    useSystemFonts: false,
    ownerDocument: FONT_SINK as unknown as Document,
  });
  return task.promise;
}
