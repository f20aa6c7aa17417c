import { access, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatReportMarkdown } from '../../engine/report/format-markdown';
import type { Report } from '../../engine/report/schema';
import { checkedRow, formatSummaryCsv, formatSummaryMarkdown, type DocumentRow, type RunInfo } from './summary';

/**
 * `--out DIR`: per document its report@1 JSON and its Markdown report, named after the file and
 * the first 8 hex digits of its content hash (two files of one name cannot collide, and a rerun
 * writes the same names); `index.ndjson`, one line per document reported, appended as soon as
 * its files are written (so an interrupted batch keeps what it finished); `summary.md` and
 * `summary.csv` at the end. With --resume the index says which contents were already reported.
 */
export const INDEX_FILE = 'index.ndjson';

export interface IndexEntry {
  sha256: string;
  input: string;
  report: string;
  row: DocumentRow;
}

export interface OutDir {
  /** Content hash → what an earlier run wrote (only with --resume). */
  reported: Map<string, IndexEntry>;
  save(input: string, report: Report, sha256: string, millis: number): Promise<DocumentRow>;
  /** The report an earlier run wrote for this content, or undefined when its file is gone. */
  readReport(entry: IndexEntry): Promise<Report | undefined>;
  finish(rows: DocumentRow[], run: RunInfo): Promise<void>;
}

export async function openOutDir(dir: string, resume: boolean): Promise<OutDir> {
  await mkdir(dir, { recursive: true });
  const indexPath = join(dir, INDEX_FILE);
  const reported = resume ? await readIndex(indexPath, dir) : new Map<string, IndexEntry>();
  if (!resume) await writeFile(indexPath, '');
  let appending = Promise.resolve();
  return {
    reported,
    async save(input, report, sha256, millis) {
      const name = `${fileStem(input)}-${sha256.slice(0, 8)}`;
      await writeFile(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(join(dir, `${name}.md`), formatReportMarkdown(report));
      const row = checkedRow(input, report, millis, { sha256, report: `${name}.json` });
      const entry: IndexEntry = { sha256, input, report: row.report!, row };
      appending = appending.then(() => appendFile(indexPath, `${JSON.stringify(entry)}\n`));
      await appending;
      return row;
    },
    async readReport(entry) {
      try {
        return JSON.parse(await readFile(join(dir, basename(entry.report)), 'utf8')) as Report;
      } catch {
        return undefined;
      }
    },
    async finish(rows, run) {
      await writeFile(join(dir, 'summary.md'), formatSummaryMarkdown(rows, run));
      await writeFile(join(dir, 'summary.csv'), formatSummaryCsv(rows));
    },
  };
}

/** What the index lists and the folder still holds (a report deleted by hand is made again). */
async function readIndex(path: string, dir: string): Promise<Map<string, IndexEntry>> {
  const entries = new Map<string, IndexEntry>();
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return entries;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as IndexEntry;
      if (typeof entry.sha256 === 'string' && typeof entry.report === 'string' && entry.row && (await exists(join(dir, basename(entry.report))))) entries.set(entry.sha256, entry);
    } catch {
      // A line cut short by an interrupted run: that document is simply checked again.
    }
  }
  return entries;
}

/** "report" for ./a/report.pdf, "download.do" for …/download.do?id=7: nothing a file system refuses. */
export function fileStem(input: string): string {
  let name = input;
  try {
    if (/^https?:\/\//i.test(input)) {
      const url = new URL(input);
      name = url.pathname.split('/').filter(Boolean).at(-1) ?? url.hostname;
    }
  } catch {
    // Not a URL after all: use it as a path.
  }
  name = name.split(/[\\/]/).at(-1) ?? name;
  name = name.replace(/\.(html?|shtml|xhtml|pdf|xlsx|xlsm|xls)$/i, '');
  const safe = [...name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '').replace(/^[.\s]+|[.\s]+$/g, '')].slice(0, 60).join('');
  return safe || 'document';
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
