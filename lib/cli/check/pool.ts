import { Worker } from 'node:worker_threads';
import { checkDocument, type CheckOutcome, type CheckTask } from './check-document';
import type { WorkerReply } from './worker';
import { errorText, oneLine, timeoutText } from '../errors';

/**
 * Runs documents on worker threads, one document per thread at a time. A thread is replaced when
 * a document times out (it is terminated: a PDF that makes pdf.js loop cannot hold the batch),
 * when it dies (out of memory, a crash), and when its heap has grown past RECYCLE_HEAP_BYTES
 * (V8 collects lazily, so a long batch would otherwise keep the high-water mark of its largest
 * document): memory stays flat in the number of documents. None of these stops the batch: the
 * document gets a one-line reason and the next one a fresh thread.
 */
export interface Runner {
  /** Never rejects. The caller keeps at most `size` runs going. */
  run(task: CheckTask): Promise<CheckOutcome>;
  close(): Promise<void>;
}

export const RECYCLE_HEAP_BYTES = 160 * 1024 * 1024;
const BOOT_TIMEOUT_MS = 60_000;

export interface PoolOptions {
  workerUrl: URL;
  timeoutMs: number;
  /** Content hashes already reported (--resume). */
  reported: string[];
}

export function workerRunner({ workerUrl, timeoutMs, reported }: PoolOptions): Runner {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const spawn = (): Worker => {
    const worker = new Worker(workerUrl, { workerData: { reported } });
    all.add(worker);
    // Errors are handled per document (runOn); one while idle must not bring the CLI down.
    worker.on('error', () => {});
    worker.once('exit', () => {
      all.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    });
    return worker;
  };
  const retire = (worker: Worker) => {
    all.delete(worker);
    void worker.terminate();
  };
  return {
    async run(task) {
      const worker = idle.pop() ?? spawn();
      const { outcome, keep } = await runOn(worker, task, timeoutMs);
      if (keep) idle.push(worker);
      else retire(worker);
      return outcome;
    },
    async close() {
      await Promise.all([...all].map((worker) => worker.terminate()));
      all.clear();
      idle.length = 0;
    },
  };
}

function runOn(worker: Worker, task: CheckTask, timeoutMs: number): Promise<{ outcome: CheckOutcome; keep: boolean }> {
  let started = performance.now();
  const failed = (message: string): CheckOutcome => ({ kind: 'failed', index: task.index, message, millis: performance.now() - started });
  return new Promise((resolve) => {
    const done = (outcome: CheckOutcome, keep: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ outcome, keep });
    };
    const onMessage = (reply: WorkerReply) => {
      if ('started' in reply) {
        started = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => done(failed(`未核对 ${task.input}：${timeoutText(timeoutMs)}`), false), timeoutMs);
      } else done(reply.outcome, reply.heapBytes < RECYCLE_HEAP_BYTES);
    };
    const onError = (error: Error) => {
      const code = (error as { code?: string }).code;
      const cause = code === 'ERR_WORKER_OUT_OF_MEMORY' ? '内存不足，out of memory' : oneLine(`${error.name}: ${errorText(error)}`);
      done(failed(`未核对 ${task.input}：内部错误（${cause}）`), false);
    };
    const onExit = (code: number) => done(failed(`未核对 ${task.input}：内部错误（工作线程退出，代码 ${code}）`), false);
    // Until the thread has booted and taken the document, only a stuck thread is guarded against.
    let timer = setTimeout(() => done(failed(`未核对 ${task.input}：内部错误（工作线程未能启动）`), false), Math.max(timeoutMs, BOOT_TIMEOUT_MS));
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(task);
  });
}

/**
 * From source (tests), documents are checked on this thread; a timeout stops the wait, not the
 * work, which is why the built CLI uses threads.
 */
export function inlineRunner({ timeoutMs, reported }: Omit<PoolOptions, 'workerUrl'>): Runner {
  const known = new Set(reported);
  return {
    async run(task) {
      const started = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<CheckOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'failed', index: task.index, message: `未核对 ${task.input}：${timeoutText(timeoutMs)}`, millis: performance.now() - started }), timeoutMs);
      });
      try {
        return await Promise.race([checkDocument(task, known), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {},
  };
}
