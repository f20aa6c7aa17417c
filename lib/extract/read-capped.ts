/**
 * Reads a response body up to `max` bytes and no further: a chunked response (no Content-Length)
 * from a hostile or broken server must not fill the memory of the tab or the CLI.
 */
export class TooLargeError extends Error {
  constructor(readonly max: number) {
    super(`more than ${max} bytes`);
    this.name = 'TooLargeError';
  }
}

export async function readCapped(response: Response, max: number, options: { signal?: AbortSignal; onProgress?: (received: number) => void } = {}): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    throw new TooLargeError(max);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (options.signal?.aborted) {
      await reader.cancel().catch(() => {});
      throw new DOMException('aborted', 'AbortError');
    }
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError(max);
    }
    chunks.push(value);
    options.onProgress?.(total);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
