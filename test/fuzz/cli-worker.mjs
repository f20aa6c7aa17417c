// Runs the real CLI (lib/cli/main.ts from source, through tsx; documents checked on this thread)
// on one file per message, in a worker thread the fuzz test can time out and memory-limit.
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';

// The big plain-JS dependencies load first, outside tsx's loader hooks (a round trip per module).
await Promise.all([import('parse5'), import('zod'), import('decimal.js')]);
const { register } = await import('tsx/esm/api');
register();
const { main } = await import(new URL('../../lib/cli/main.ts', import.meta.url).href);

parentPort.on('message', async ({ file }) => {
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  let code;
  try {
    code = await main(['check', file, '--format', 'json'], { io: { out: (t) => (stdout += t), err: (t) => (stderr += t), errIsTty: false } });
  } catch (error) {
    code = 'threw';
    stderr += String(error?.stack ?? error);
  }
  parentPort.postMessage({ code, stdout, stderr, millis: performance.now() - started, heapMb: getHeapStatistics().used_heap_size / 1024 / 1024 });
});
parentPort.postMessage({ ready: true });
