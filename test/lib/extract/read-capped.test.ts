import { describe, expect, it } from 'vitest';
import { readCapped, TooLargeError } from '../../../lib/extract/read-capped';

/** Issue 15, defect 12: the viewer buffered a chunked PDF response without a limit. */
function chunked(chunks: number, size: number): { response: Response; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('readCapped', () => {
  it('reads a body within the cap', async () => {
    const { response } = chunked(4, 1000);
    expect((await readCapped(response, 10_000)).length).toBe(4000);
  });

  it('stops a chunked body (no Content-Length) as soon as it passes the cap', async () => {
    const { response, pulled } = chunked(1_000_000, 64 * 1024);
    await expect(readCapped(response, 1024 * 1024)).rejects.toBeInstanceOf(TooLargeError);
    expect(pulled()).toBeLessThan(20);
  });

  it('refuses a declared length over the cap without reading', async () => {
    const response = new Response('x', { headers: { 'content-length': String(1e12) } });
    await expect(readCapped(response, 1000)).rejects.toBeInstanceOf(TooLargeError);
  });
});
