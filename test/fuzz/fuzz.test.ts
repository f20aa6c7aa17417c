/**
 * The fuzz suite: seeded hostile and malformed inputs (test/fuzz/generate.ts) through the real
 * CLI in a worker thread with a memory limit and a timeout. Every input must end in a report@1
 * (exit 0 or 1) or in one clear line on stderr (exit 2) — never a stack trace, a hang, a crash of
 * the worker or a schema failure. `npm test` runs a bounded sample; `npm run fuzz` the whole set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../lib/engine/report/schema';
import { generateCases, sampleCases, type FuzzCase } from './generate';

const ALL = process.env.FUZZ_ALL === '1';
const SEED = Number(process.env.FUZZ_SEED ?? 15);
const PER_FAMILY = Number(process.env.FUZZ_PER_FAMILY ?? 12);
const SAMPLE = Number(process.env.FUZZ_SAMPLE ?? 22);
/** A hang: the worker is ended and the input fails. */
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 30_000);
/** Slower than this (on a loaded 2-core machine) fails too. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 20_000);
const HEAP_MB = 1_536;

type Outcome =
  | { kind: 'report'; exit: number; millis: number }
  | { kind: 'clear-error'; message: string; millis: number }
  | { kind: 'failure'; why: string; millis: number };

interface Reply {
  code: number | 'threw';
  stdout: string;
  stderr: string;
  millis: number;
  heapMb: number;
}

class CliWorker {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  private start(): Promise<void> {
    this.worker = new Worker(new URL('./cli-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    this.ready = new Promise((resolve, reject) => {
      this.worker!.once('message', () => resolve());
      this.worker!.once('error', reject);
    });
    return this.ready;
  }

  async run(file: string): Promise<Reply | { crashed: string }> {
    if (!this.worker) await this.start();
    const worker = this.worker!;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        void this.stop();
        resolve({ crashed: `hang (no result after ${TIMEOUT_MS} ms)` });
      }, TIMEOUT_MS);
      const onMessage = (reply: Reply) => {
        cleanup();
        resolve(reply);
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = null;
        resolve({ crashed: `worker died: ${(error as { code?: string }).code ?? ''} ${error.message}` });
      };
      const onExit = (code: number) => {
        cleanup();
        this.worker = null;
        resolve({ crashed: `worker exited (${code})` });
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ file });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/** What a person (or a script) sees: a report, or one line that says what could not be checked. */
export function judge(reply: Reply): Outcome {
  const { code, stdout, stderr, millis } = reply;
  const lines = stderr.split('\n').filter((l) => l.trim());
  if (code === 'threw') return { kind: 'failure', why: `main threw: ${lines[0] ?? ''}`, millis };
  if (/^\s+at .+[(:]\d+/m.test(stderr) || /^\s+at /m.test(stdout)) return { kind: 'failure', why: `stack trace: ${lines[0] ?? ''}`, millis };
  if (millis > BUDGET_MS) return { kind: 'failure', why: `over the time budget: ${Math.round(millis)} ms`, millis };
  if (code === 0 || code === 1) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      return { kind: 'failure', why: `exit ${code} without a JSON report`, millis };
    }
    const valid = reportSchema.safeParse(parsed);
    if (!valid.success) return { kind: 'failure', why: `report fails report@1: ${valid.error.issues[0]?.message}`, millis };
    if (lines.length) return { kind: 'failure', why: `a report and stderr: ${lines[0]}`, millis };
    return { kind: 'report', exit: code, millis };
  }
  if (code === 2) {
    if (lines.length !== 1) return { kind: 'failure', why: `exit 2 with ${lines.length} lines on stderr`, millis };
    return { kind: 'clear-error', message: lines[0]!, millis };
  }
  return { kind: 'failure', why: `exit code ${code}`, millis };
}

const all = generateCases(SEED, PER_FAMILY);
const cases: FuzzCase[] = ALL ? all : sampleCases(all, SAMPLE, SEED);
const dir = mkdtempSync(join(tmpdir(), 'budget-lens-fuzz-'));
const worker = new CliWorker();

afterAll(async () => {
  await worker.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`fuzz: ${cases.length} of ${all.length} inputs (seed ${SEED}${ALL ? ', whole set' : ', sample'})`, () => {
  it('every input ends in a report or one clear line, within the time and memory budget', async () => {
    const started = performance.now();
    const counts = { report: 0, 'clear-error': 0, failure: 0 };
    const failures: string[] = [];
    const perFamily = new Map<string, { n: number; ms: number; worst: number }>();
    let slowest = { name: '', millis: 0 };
    for (const c of cases) {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.${c.ext}`);
      writeFileSync(file, c.make());
      const reply = await worker.run(file);
      rmSync(file, { force: true });
      const outcome: Outcome = 'crashed' in reply ? { kind: 'failure', why: reply.crashed, millis: TIMEOUT_MS } : judge(reply);
      counts[outcome.kind] += 1;
      if (outcome.kind === 'failure') failures.push(`${c.name}: ${outcome.why}`);
      const fam = perFamily.get(c.family) ?? { n: 0, ms: 0, worst: 0 };
      fam.n += 1;
      fam.ms += outcome.millis;
      fam.worst = Math.max(fam.worst, outcome.millis);
      perFamily.set(c.family, fam);
      if (outcome.millis > slowest.millis) slowest = { name: c.name, millis: outcome.millis };
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz] seed ${SEED}: ${cases.length} inputs in ${seconds} s — ${counts.report} reports, ${counts['clear-error']} clear one-line errors, ${counts.failure} failures; slowest ${slowest.name} ${Math.round(slowest.millis)} ms`,
    );
    if (ALL) for (const [family, f] of perFamily) console.log(`[fuzz]   ${family}: ${f.n} inputs, mean ${Math.round(f.ms / f.n)} ms, worst ${Math.round(f.worst)} ms`);
    expect(failures).toEqual([]);
  }, ALL ? 3_600_000 : 120_000);
});
