import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Report } from '../../engine/report/schema';
import type { CommandContext } from '../commands';
import { usageError } from '../commands';
import { FETCH_TIMEOUT_MS, isUrl } from '../document/load';
import { errorCode, errorText } from '../errors';
import { EXIT } from '../io';
import { isLang, type Lang } from '../../present/i18n';
import type { CheckOutcome, CheckTask } from './check-document';
import { expandInputs } from './inputs';
import { openOutDir, type OutDir } from './out-dir';
import type { Format } from './output';
import { inlineRunner, workerRunner } from './pool';
import { createProgress } from './progress';
import { checkedRow, failedRow, type DocumentRow } from './summary';

/**
 * budget-lens check <files|folders|addresses>… — every document on a worker thread (--jobs at a
 * time), the output in the order given, one summary; one bad file never stops the batch.
 * Exit: 2 when a document (or a folder) could not be checked, else 1 when a finding reaches
 * --fail-on, else 0.
 */
const FORMATS: readonly Format[] = ['text', 'json', 'md', 'ndjson', 'csv'];
const FAIL_ON = ['error', 'warning'] as const;
const DEFAULT_TIMEOUT_S = 300;

interface Options {
  format: Format;
  failOn?: (typeof FAIL_ON)[number];
  jobs: number;
  timeoutMs: number;
  out?: string;
  resume: boolean;
  lang: Lang;
  inputs: string[];
}

function parseOptions(args: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        timeout: { type: 'string' },
        out: { type: 'string' },
        resume: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
      },
    });
  } catch (error) {
    return `参数错误：${errorText(error)}`;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return '缺少要核对的文件、目录或网址';
  if (!(FORMATS as readonly string[]).includes(values.format)) return `未知格式：${values.format}（可用 ${FORMATS.join('、')}）`;
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) return `--fail-on 只接受 error 或 warning：${failOn}`;
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) return `--jobs 应为 1–64 的整数：${values.jobs}`;
  const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) return `--timeout 应为正数（秒）：${values.timeout}`;
  if (values.resume && values.out === undefined) return '--resume 需要与 --out 目录同用';
  if (!isLang(values.lang)) return `--lang 只接受 zh 或 en：${values.lang}`;
  return {
    format: values.format as Format,
    ...(failOn ? { failOn: failOn as Options['failOn'] } : {}),
    jobs,
    timeoutMs: timeout * 1000,
    ...(values.out !== undefined ? { out: values.out } : {}),
    resume: values.resume,
    lang: values.lang,
    inputs: positionals,
  };
}

export async function run(args: string[], { io, workerUrl }: CommandContext): Promise<number> {
  const options = parseOptions(args);
  if (typeof options === 'string') return usageError(io, options);
  const began = performance.now();

  const { documents, problems, single } = await expandInputs(options.inputs);
  for (const problem of problems) io.err(`${problem}\n`);
  if (documents.length === 0) return EXIT.cannotCheck;

  let outDir: OutDir | undefined;
  if (options.out !== undefined) {
    try {
      outDir = await openOutDir(options.out, options.resume);
    } catch (error) {
      io.err(`无法写入 ${options.out}：${errorCode(error)}\n`);
      return EXIT.cannotCheck;
    }
  }

  const jobs = Math.min(options.jobs, documents.length);
  const pool = { timeoutMs: options.timeoutMs, reported: [...(outDir?.reported.keys() ?? [])] };
  const runner = workerUrl ? workerRunner({ ...pool, workerUrl }) : inlineRunner(pool);
  const validate = options.format === 'json' || options.format === 'ndjson' || outDir !== undefined;
  const tasks: CheckTask[] = documents.map((input, index) => ({ index, input, fetchTimeoutMs: Math.min(FETCH_TIMEOUT_MS, options.timeoutMs), validate, lang: options.lang }));
  const progress = createProgress(io.err, io.errIsTty && documents.length > 1, documents.length);

  let next = 0;
  const outcomes: Array<Promise<void>> = [];
  const rows: DocumentRow[] = [];
  const reports = new Map<number, Report | undefined>();
  let emitted = 0;
  // The formatters load on this thread while the workers read the first documents.
  const outputReady = import('./output').then(({ createOutput }) => createOutput(options.format, single, io.out));
  const emitInOrder = async () => {
    const output = await outputReady;
    while (reports.has(emitted)) {
      const report = reports.get(emitted);
      reports.delete(emitted);
      if (report) output.report(report);
      emitted += 1;
    }
  };
  const settle = async (task: CheckTask, outcome: CheckOutcome): Promise<void> => {
    let report: Report | undefined;
    let row: DocumentRow;
    if (outcome.kind === 'failed') {
      progress.message(outcome.message);
      row = failedRow(task.input, outcome.message, outcome.millis);
    } else if (outcome.kind === 'skipped') {
      const entry = outDir!.reported.get(outcome.sha256)!;
      report = await outDir!.readReport(entry);
      row = { ...entry.row, input: task.input, status: 'resumed' };
    } else {
      report = outcome.report;
      for (const note of outcome.notes ?? []) progress.message(note);
      row = checkedRow(task.input, report, outcome.millis, { sha256: outcome.sha256 });
      if (outDir) {
        try {
          row = await outDir.save(task.input, report, outcome.sha256, outcome.millis);
        } catch (error) {
          progress.message(`无法写入 ${options.out}：${errorCode(error)}`);
          row = failedRow(task.input, `报告无法写入 ${options.out}（${errorCode(error)}）`, outcome.millis);
        }
      }
    }
    rows[task.index] = row;
    if (options.format === 'ndjson') {
      // Streamed as each document is done: every line names its source.
      if (report) (await outputReady).report(report);
      return;
    }
    reports.set(task.index, summaryOnly ? undefined : report);
    await emitInOrder();
  };
  // The batch summary and ndjson keep no report waiting for its turn: there the largest files go
  // first, so that a big PDF started last does not leave the other threads idle at the end.
  // Outputs printed in the order given start the documents in that order, so that few reports
  // wait in memory for an earlier one.
  const summaryOnly = options.format === 'text' && !single;
  const queue = summaryOnly || options.format === 'ndjson' ? await largestFirst(tasks) : tasks;
  const lane = async (): Promise<void> => {
    while (next < queue.length) {
      const task = queue[next++]!;
      progress.started(task.input);
      const outcome = await runner.run(task);
      progress.finished(task.input);
      outcomes.push(settle(task, outcome));
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, lane));
    await Promise.all(outcomes);
  } finally {
    progress.stop();
    await runner.close();
  }

  const run = { elapsedMs: performance.now() - began, jobs };
  (await outputReady).end(rows, run);
  if (outDir) {
    try {
      await outDir.finish(rows, run);
    } catch (error) {
      io.err(`无法写入 ${options.out}：${errorCode(error)}\n`);
      return EXIT.cannotCheck;
    }
  }
  if (problems.length > 0 || rows.some((row) => row.status === 'failed')) return EXIT.cannotCheck;
  if (options.failOn && rows.some((row) => row.errors > 0 || (options.failOn === 'warning' && row.warnings > 0))) return EXIT.findings;
  return EXIT.ok;
}

async function largestFirst(tasks: CheckTask[]): Promise<CheckTask[]> {
  const sizes = await Promise.all(tasks.map(async (task) => (isUrl(task.input) ? 0 : await stat(task.input).then((s) => s.size, () => 0))));
  return tasks.map((task, i) => ({ task, size: sizes[i]! })).sort((a, b) => b.size - a.size || a.task.index - b.task.index).map(({ task }) => task);
}
