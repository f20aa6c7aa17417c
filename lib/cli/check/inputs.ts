import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isUrl } from '../document/load';
import { errorCode } from '../errors';

/**
 * The arguments of `check` → the documents to check. A directory stands for every disclosure in
 * it and below (HTML pages, PDFs and workbooks, in name order; legacy .xls, which cannot be read,
 * only when named; hidden folders and node_modules skipped,
 * symbolic links to folders not followed, so a loop cannot trap the walk). Files and addresses
 * are taken as given; a missing file is left for the reader to report (ENOENT), like any
 * unreadable one.
 */
export const DOCUMENT_EXTENSIONS = /\.(html?|shtml|xhtml|pdf|xlsx|xlsm)$/i;

export interface Expanded {
  documents: string[];
  /** One line per argument that gave nothing to check (a directory without disclosures). */
  problems: string[];
  /** One file or address given: its report is printed whole, not as a batch summary. */
  single: boolean;
}

export async function expandInputs(args: string[]): Promise<Expanded> {
  const documents: string[] = [];
  const problems: string[] = [];
  let directories = 0;
  for (const arg of args) {
    if (isUrl(arg) || !(await isDirectory(arg))) {
      documents.push(arg);
      continue;
    }
    directories += 1;
    try {
      const found = await walk(arg, true);
      if (found.length === 0) problems.push(`目录中没有可核对的文件（.html、.htm、.pdf、.xlsx）：${arg}`);
      documents.push(...found);
    } catch (error) {
      problems.push(`无法读取目录 ${arg}：${errorCode(error)}`);
    }
  }
  const unique = [...new Set(documents)];
  return { documents: unique, problems, single: args.length === 1 && directories === 0 };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Unreadable folders below the top one are skipped; the top one's failure is the caller's. */
async function walk(dir: string, top = false): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (top) throw error;
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') found.push(...(await walk(path)));
    } else if (DOCUMENT_EXTENSIONS.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path))))) {
      found.push(path);
    }
  }
  return found;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
