import { createHash } from 'node:crypto';
import type { Report } from '../../engine/report/schema';
import type { Lang } from '../../present/i18n';
import { load } from '../document/load';
import { errorText, internalFailure, oneLine } from '../errors';

/**
 * One document, start to end: read it, hash it, extract, analyse. Runs in a worker thread
 * (worker.ts) or, from source, in the calling thread. Never throws: whatever goes wrong is the
 * document's one-line failure, and the batch goes on.
 */
export interface CheckTask {
  /** Position in the batch. */
  index: number;
  input: string;
  fetchTimeoutMs: number;
  /** Validate the report against report@1 here (JSON outputs and --out), where the report is made. */
  validate: boolean;
  /** The language of the findings' messages (--lang); zh is the checks' own wording. */
  lang: Lang;
}

export type CheckOutcome =
  /** `notes`: lines for stderr that qualify the report (a workbook's rounded display values). */
  | { kind: 'report'; index: number; source: string; sha256: string; report: Report; millis: number; notes?: string[] }
  /** --resume: this content was reported before. */
  | { kind: 'skipped'; index: number; source: string; sha256: string; millis: number }
  | { kind: 'failed'; index: number; message: string; millis: number };

export async function checkDocument(task: CheckTask, reported: ReadonlySet<string> = new Set()): Promise<CheckOutcome> {
  const started = performance.now();
  const { index } = task;
  const millis = () => performance.now() - started;
  const loaded = await load(task.input, task.fetchTimeoutMs);
  if (loaded.kind === 'failed') return { kind: 'failed', index, message: loaded.message, millis: millis() };
  const { source } = loaded;
  const sha256 = createHash('sha256').update(loaded.bytes).digest('hex');
  if (reported.has(sha256)) return { kind: 'skipped', index, source, sha256, millis: millis() };
  let report: Report;
  let notes: string[] = [];
  try {
    if (loaded.kind === 'pdf') {
      const { checkPdf } = await import('./check-pdf');
      const checked = await checkPdf(source, loaded.bytes);
      if ('failed' in checked) return { kind: 'failed', index, message: checked.failed, millis: millis() };
      report = checked.report;
    } else if (loaded.kind === 'xlsx') {
      const { checkXlsx } = await import('./check-xlsx');
      const checked = await checkXlsx(source, loaded.bytes);
      if ('failed' in checked) return { kind: 'failed', index, message: checked.failed, millis: millis() };
      report = checked.report;
      notes = checked.notes;
    } else {
      const { checkHtml } = await import('./check-html');
      report = checkHtml(source, loaded.text);
    }
    if (task.lang !== 'zh') {
      const { inLanguage } = await import('../../present/report-lang');
      report = inLanguage(report, task.lang);
    }
    if (task.validate) report = await validated(report);
  } catch (error) {
    return { kind: 'failed', index, message: internalFailure(source, error), millis: millis() };
  }
  return { kind: 'report', index, source, sha256, report, millis: millis(), ...(notes.length ? { notes } : {}) };
}

async function validated(report: Report): Promise<Report> {
  const { reportSchema } = await import('../../engine/report/schema');
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) throw new Error(`报告未通过 report@1 校验：${oneLine(errorText(parsed.error))}`);
  return parsed.data;
}
