import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, type CheckTask } from './check-document';

/**
 * A worker thread of `check` (dist/cli/worker.mjs): documents one at a time, each answered with
 * its outcome and the size of this thread's heap, from which the pool decides to replace the
 * thread (pool.ts). pdf.js and linkedom are loaded on the first document that needs them.
 */
export type WorkerReply =
  /** The document is being read: its time starts now (not while the thread was booting). */
  | { started: true }
  | { outcome: Awaited<ReturnType<typeof checkDocument>>; heapBytes: number };

/**
 * pdf.js (its in-process parser) can reject a promise nobody awaits after the document itself
 * has already failed ("FormatError: Illegal character" on a cut PDF). The document's outcome is
 * decided by then; such a stray rejection must not kill the thread and fail the next document.
 */
process.on('unhandledRejection', (reason) => {
  if (process.env.BUDGET_LENS_DEBUG) process.stderr.write(`[debug] stray rejection: ${String(reason)}\n`);
});

const reported = new Set<string>((workerData as { reported?: string[] } | undefined)?.reported ?? []);

parentPort?.on('message', (task: CheckTask) => {
  parentPort!.postMessage({ started: true } satisfies WorkerReply);
  void checkDocument(task, reported).then((outcome) => {
    const reply: WorkerReply = { outcome, heapBytes: getHeapStatistics().total_heap_size };
    parentPort!.postMessage(reply);
  });
});
