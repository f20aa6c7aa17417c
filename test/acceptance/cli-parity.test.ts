/**
 * The built CLI (dist/cli: bundled, pdf.js without its canvas, worker threads) gives the same
 * reports as the analysis run in process on the same input (parse5 or pdf.js from
 * node_modules), timings aside: on every fixture page, every fixture PDF and, when present, the
 * real corpus (../shared/corpus/pdf). One CLI run reads them all (ndjson, two threads).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../lib/engine/analyse';
import type { Report } from '../../lib/engine/report/schema';
import { decodeHtml } from '../../lib/extract/charset';
import { extractHtml } from '../../lib/extract/html';
import { flattenDeepNesting } from '../../lib/extract/html-depth';
import { parseHtmlDocument } from '../../lib/extract/html-node';
import { extractPdf } from '../../lib/extract/pdf/index';
import { openPdfInNode } from '../../lib/extract/pdf/node';
import { ensureBuilt } from '../../scripts/build-cli.mjs';

const root = resolve(__dirname, '../..');
const CORPUS = resolve(root, '../shared/corpus/pdf');
if (!existsSync(CORPUS)) console.warn(`[cli-parity] ${CORPUS} not found: the corpus part is skipped (fixtures only).`);

const list = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((name) => pattern.test(name)).sort().map((name) => join(dir, name)) : []);
const documents = [
  ...list(join(root, 'test/fixtures/pages'), /\.html$/),
  ...list(join(root, 'test/fixtures/pdf'), /\.pdf$/),
  ...list(join(root, 'test/fixtures/pdf/hostile'), /\.pdf$/),
  ...list(CORPUS, /\.pdf$/),
];

const withoutTimings = (report: unknown) => JSON.parse(JSON.stringify(report), (key, value) => (key === 'millis' ? undefined : value));

/** The analysis in this process, on the same parse the extension's tests and the CLI use. */
async function inProcess(path: string): Promise<Report | null> {
  const bytes = new Uint8Array(readFileSync(path));
  if (path.endsWith('.pdf')) {
    let pdf;
    try {
      pdf = await openPdfInNode(bytes);
    } catch {
      return null;
    }
    try {
      const extraction = await extractPdf(pdf, { source: path });
      return analyse(extraction.doc, { notChecked: extraction.notChecked });
    } finally {
      await pdf.destroy();
    }
  }
  return analyse(extractHtml(parseHtmlDocument(flattenDeepNesting(decodeHtml(bytes).text)), { source: path }).doc);
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/budget-lens.mjs'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const fromCli = new Map<string, Report>();
let cliErrors = '';

beforeAll(async () => {
  await ensureBuilt();
  const { stdout, stderr } = await runCli(['check', ...documents, '--format', 'ndjson', '--jobs', '2', '--timeout', '600']);
  cliErrors = stderr;
  for (const line of stdout.split('\n').filter(Boolean)) {
    const report = JSON.parse(line) as Report;
    fromCli.set(report.source, report);
  }
}, 600_000);

describe('built CLI ≡ in-process analysis', { timeout: 120_000 }, () => {
  it.each(documents.map((path) => [relative(root, path), path]))('%s', async (_name, path) => {
    const expected = await inProcess(path);
    if (expected === null) {
      expect(fromCli.has(path)).toBe(false);
      expect(cliErrors).toContain(`未核对 ${path}：`);
      return;
    }
    expect(fromCli.has(path)).toBe(true);
    expect(withoutTimings(fromCli.get(path))).toEqual(withoutTimings(expected));
  });
});
