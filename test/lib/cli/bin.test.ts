import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalPdf } from '../../support/minimal-pdf';
import { reportSchema } from '../../../lib/engine/report/schema';
import { FINDINGS_CSV_COLUMNS } from '../../../lib/engine/report/format-findings-csv';
import { encodeGbk } from '../extract/gbk-bytes';
import { ensureBuilt } from '../../../scripts/build-cli.mjs';
import { legacyXls, SMALL_STYLES, smallTable } from '../../../scripts/fixtures/xlsx-hostile';
import { writeXlsx } from '../../../scripts/fixtures/xlsx-writer';

/**
 * The real command: bin/budget-lens.mjs running the built bundle (dist/cli), worker threads and
 * all. Each run starts Node and the analysis (0.3–1 s idle, much more on a loaded 2-core machine).
 */
const SLOW = { timeout: 120_000 };
const bin = new URL('../../../bin/budget-lens.mjs', import.meta.url).pathname;
const root = new URL('../../..', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real launcher (tsx and all), asynchronously so the test's HTTP server keeps serving. */
function run(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const BUDGET_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某局2024年部门预算</title></head><body>
<h1>某某局2024年部门预算</h1>
<p><b>部门收支总表</b></p><p>单位：万元</p>
<table>
  <tr><th>项目</th><th>金额</th></tr>
  <tr><td>合计</td><td>30.00</td></tr>
  <tr><td>甲</td><td>10.00</td></tr>
  <tr><td>乙</td><td>10.00</td></tr>
</table></body></html>`;

const gbkPage = (title: string, meta: string) =>
  encodeGbk(`<html><head>${meta}<title>${title}</title></head><body><p>单位：万元</p>
<table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>3.00</td></tr><tr><td>甲</td><td>1.00</td></tr><tr><td>乙</td><td>2.00</td></tr></table></body></html>`);

let dir = '';
let server: Server;
/** A small workbook whose 合计 is 0.10 off its items. */
const wrongTotal = smallTable();
wrongTotal[3]![2] = { value: 125.7, style: 3 };
const workbook = writeXlsx({ sheets: [{ name: '一般公共预算支出表', rows: wrongTotal }], styles: SMALL_STYLES });
let base = '';

beforeAll(async () => {
  // Once here rather than by the first of the concurrent runs below (they would wait for it anyway).
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'budget-lens-cli-'));
  writeFileSync(join(dir, 'budget.html'), BUDGET_PAGE);
  writeFileSync(join(dir, 'empty.html'), '<html><head><title>通知</title></head><body><p>没有表格。</p></body></html>');
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n%\u00e2\u00e3\n');
  writeFileSync(join(dir, 'budget.xlsx'), workbook);
  writeFileSync(join(dir, 'old.xls'), legacyXls());

  server = createServer((req, res) => {
    switch (req.url) {
      case '/header-gbk':
        res.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
        res.end(gbkPage('荷塘区2024年部门决算', ''));
        return;
      case '/meta-gbk':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(gbkPage('石峰区2023年部门预算', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'));
        return;
      case '/old-address':
        res.writeHead(302, { location: '/header-gbk' });
        res.end();
        return;
      case '/never-answers':
        // Holds the connection open without answering: only the timeout ends it.
        return;
      case '/attachment?id=9':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(workbook);
        return;
      case '/download.do?id=7':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(minimalPdf(['Budget 2024', 'Total 12.50']));
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>404</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.concurrent('budget-lens check on files', SLOW, () => {
  it('prints only a schema-valid report@1 as JSON, exit 0 whatever it found', async () => {
    const { code, stdout, stderr } = await run('check', join(dir, 'budget.html'), '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.source).toBe(join(dir, 'budget.html'));
    expect(report.document.title).toBe('某某局2024年部门预算');
    expect(report.tables).toHaveLength(1);
  });

  it('prints a Chinese text report by default, and exits 1 with --fail-on when a finding reaches it', async () => {
    const { code, stdout } = await run('check', join(dir, 'budget.html'), '--fail-on', 'warning');
    expect(stdout).toContain('预算透镜检查报告');
    expect(stdout).toContain('标题：某某局2024年部门预算');
    const errors = /结果：错误 (\d+)/.exec(stdout);
    expect(errors).not.toBeNull();
    expect(code).toBe(Number(errors![1]) > 0 ? 1 : 0);
  });

  it('prints Markdown', async () => {
    const { code, stdout } = await run('check', join(dir, 'budget.html'), '--format', 'md');
    expect(code).toBe(0);
    expect(stdout.startsWith('# 预算透镜检查报告：某某局2024年部门预算')).toBe(true);
  });

  it('gives the findings in English with --lang en, the figures unchanged', async () => {
    const [zh, en] = await Promise.all([run('check', join(dir, 'budget.html'), '--format', 'json'), run('check', join(dir, 'budget.html'), '--format', 'json', '--lang', 'en')]);
    const [a, b] = [reportSchema.parse(JSON.parse(zh.stdout)), reportSchema.parse(JSON.parse(en.stdout))];
    expect(b.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual(a.findings.map((f) => [f.rule, f.expected, f.actual]));
    expect(b.findings.some((f) => f.message.startsWith('This total is'))).toBe(true);
  });

  it('gives an empty but valid report for a page without tables', async () => {
    const { code, stdout } = await run('check', join(dir, 'empty.html'), '--format', 'json', '--fail-on', 'error');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.tables).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('exits 2 with a message for a missing file and for a broken PDF', async () => {
    const { code, stdout, stderr } = await run('check', join(dir, 'nope.html'), join(dir, 'report.pdf'), '--format', 'json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`无法读取文件 ${join(dir, 'nope.html')}：ENOENT`);
    expect(stderr).toContain(`未核对 ${join(dir, 'report.pdf')}：文件不是有效的 PDF，或已损坏、下载不完整，未检查`);
  });

  it('names why hostile PDFs are not checked (password, scan) and checks an owner-password-only PDF', async () => {
    const hostile = join(root, 'test/fixtures/pdf/hostile');
    const { code, stdout, stderr } = await run('check', join(hostile, 'encrypted-user-password.pdf'), join(hostile, 'scanned.pdf'), join(hostile, 'owner-password-only.pdf'), '--format', 'json');
    expect(code).toBe(2);
    expect(stderr).toContain('encrypted-user-password.pdf：PDF 已加密，需要密码才能读取，未检查');
    const [scanned, owner] = reportSchema.array().parse(JSON.parse(stdout));
    expect((scanned!.stats.notChecked ?? []).map((n) => n.reason).join()).toContain('没有文字层');
    expect(owner!.tables).toHaveLength(1);
    expect(owner!.stats.checksRun).toBeGreaterThan(0);
    expect(owner!.stats.notChecked ?? []).toEqual([]);
  });

  it('exits 2 with usage for bad usage, 0 for --help and --version', async () => {
    const [bogus, format, none, help, version] = await Promise.all([
      run('check', 'x.html', '--bogus'),
      run('check', 'x.html', '--format', 'xml'),
      run('check'),
      run('--help'),
      run('--version'),
    ]);
    for (const bad of [bogus, format, none]) {
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('用法：');
    }
    expect(format.stderr).toContain('未知格式：xml');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('budget-lens check');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe.concurrent('budget-lens check on URLs', SLOW, () => {
  it('exits 2 for an unreachable URL', async () => {
    const { code, stdout, stderr } = await run('check', 'http://127.0.0.1:9/');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('无法访问 http://127.0.0.1:9/');
  });

  it('follows redirects and decodes GBK from the header or the meta; several inputs give an array', async () => {
    const { code, stdout, stderr } = await run('check', `${base}/old-address`, `${base}/meta-gbk`, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const reports = reportSchema.array().parse(JSON.parse(stdout));
    expect(reports.map((r) => r.document.title)).toEqual(['荷塘区2024年部门决算', '石峰区2023年部门预算']);
    expect(reports[0]!.source).toBe(`${base}/header-gbk`);
    expect(reports[0]!.document.kind).toBe('final');
    expect(reports[1]!.tables).toHaveLength(1);
  });

  it('exits 2 on HTTP errors, still checking the rest, PDFs served without .pdf included', async () => {
    const { code, stdout, stderr } = await run('check', `${base}/gone`, `${base}/download.do?id=7`, join(dir, 'budget.html'), '--format', 'json');
    expect(code).toBe(2);
    expect(stderr).toContain(`无法访问 ${base}/gone：HTTP 404 Not Found`);
    const reports = reportSchema.array().parse(JSON.parse(stdout));
    expect(reports.map((r) => r.source)).toEqual([`${base}/download.do?id=7`, join(dir, 'budget.html')]);
    expect(reports[0]!.document.pages).toBe(1);
  });
});

/** A folder of disclosures: two pages, a broken PDF below, and a file that is not one. */
function batchFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'sub'), { recursive: true });
  writeFileSync(join(folder, 'a-budget.html'), BUDGET_PAGE);
  writeFileSync(join(folder, 'b-empty.htm'), '<html><head><title>通知</title></head><body><p>没有表格。</p></body></html>');
  writeFileSync(join(folder, 'sub', 'c-broken.pdf'), '%PDF-1.7\n%\u00e2\u00e3\n');
  writeFileSync(join(folder, 'notes.txt'), 'not a disclosure');
  return folder;
}

const withoutTimings = (report: unknown) => JSON.parse(JSON.stringify(report), (key, value) => (key === 'millis' ? undefined : value));

describe.concurrent('budget-lens check on folders (batch)', SLOW, () => {
  it('checks every disclosure of a folder, prints one summary, names the file it could not check, exits 2', async () => {
    const folder = batchFolder('batch-text');
    const { code, stdout, stderr } = await run('check', folder, '--jobs', '2');
    expect(code).toBe(2);
    expect(stdout).toContain('预算透镜批量核对：3 个文件，已核对 2，未核对 1');
    expect(stdout).toContain(`${join(folder, 'a-budget.html')}  2024 年 · 预算`);
    expect(stdout).toContain(`— ${join(folder, 'sub', 'c-broken.pdf')}  未核对：`);
    expect(stdout).not.toContain('notes.txt');
    expect(stderr).toContain(`未核对 ${join(folder, 'sub', 'c-broken.pdf')}：文件不是有效的 PDF`);
    // Not a terminal: no progress line.
    expect(stderr).not.toContain('\r');
  });

  it('streams ndjson (one report@1 per line, as each is done) and csv (one row per finding)', async () => {
    const folder = batchFolder('batch-streams');
    const ndjson = await run('check', join(folder, 'b-empty.htm'), join(folder, 'a-budget.html'), '--format', 'ndjson');
    expect(ndjson.code).toBe(0);
    const lines = ndjson.stdout.trimEnd().split('\n');
    const reports = lines.map((line) => reportSchema.parse(JSON.parse(line)));
    expect(reports.map((r) => r.source).sort()).toEqual([join(folder, 'a-budget.html'), join(folder, 'b-empty.htm')]);

    const csv = await run('check', join(folder, 'a-budget.html'), '--format', 'csv', '--fail-on', 'error');
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe(FINDINGS_CSV_COLUMNS.join(','));
    const report = reports.find((r) => r.source.endsWith('a-budget.html'))!;
    expect(rows).toHaveLength(report.findings.length + 1);
    expect(rows.slice(1).every((row) => row.startsWith(`${join(folder, 'a-budget.html')},`))).toBe(true);
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    expect(csv.code).toBe(errors > 0 ? 1 : 0);
  });

  it('--out writes a report per document and the summaries; --resume skips what was reported and prints the same reports', async () => {
    const folder = batchFolder('batch-out');
    rmSync(join(folder, 'sub'), { recursive: true });
    const out = join(dir, 'out');
    const first = await run('check', folder, '--out', out, '--format', 'json');
    expect(first.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['index.ndjson', 'summary.csv', 'summary.md']));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(files.filter((f) => /^a-budget-[0-9a-f]{8}\.md$/.test(f))).toHaveLength(1);
    const summaryCsv = readFileSync(join(out, 'summary.csv'), 'utf8');
    expect(summaryCsv.startsWith('\uFEFFdocument,status,')).toBe(true);
    expect(summaryCsv.trimEnd().split('\r\n')).toHaveLength(3);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('a-budget.html');

    const again = await run('check', folder, '--out', out, '--resume', '--format', 'json');
    expect(again.code).toBe(0);
    expect(withoutTimings(JSON.parse(again.stdout))).toEqual(withoutTimings(JSON.parse(first.stdout)));
    const text = await run('check', folder, '--out', out, '--resume');
    expect(text.stdout).toContain('其中 2 个此前已报告，本次跳过');
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain(',resumed,');
  });

  it('says so for a folder without disclosures, and for a document over --timeout, and goes on with the rest', async () => {
    const empty = join(dir, 'no-disclosures');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'readme.txt'), 'nothing here');
    const none = await run('check', empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`目录中没有可核对的文件（.html、.htm、.pdf、.xlsx）：${empty}\n`);

    const slow = await run('check', `${base}/never-answers`, join(dir, 'budget.html'), '--timeout', '3', '--format', 'json');
    expect(slow.code).toBe(2);
    expect(slow.stderr).toMatch(new RegExp(`${base}/never-answers：超时（3 秒，timeout）`));
    expect(reportSchema.array().parse(JSON.parse(slow.stdout)).map((r) => r.source)).toEqual([join(dir, 'budget.html')]);
  });

  it('refuses bad batch options with the usage', async () => {
    const [jobs, timeout, resume, lang] = await Promise.all([run('check', dir, '--jobs', '0'), run('check', dir, '--timeout', 'soon'), run('check', dir, '--resume'), run('check', dir, '--lang', 'fr')]);
    for (const bad of [jobs, timeout, resume, lang]) {
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('用法：');
    }
    expect(resume.stderr).toContain('--resume 需要与 --out 目录同用');
  });
});

describe('budget-lens tables', SLOW, () => {
  it('prints the tables as the checks read them (budget-lens/tables@1)', async () => {
    const { code, stdout } = await run('tables', join(dir, 'budget.html'), '--format', 'json');
    expect(code).toBe(0);
    const dump = JSON.parse(stdout) as { schema: string; tables: Array<{ rows: string[][] }> };
    expect(dump.schema).toBe('budget-lens/tables@1');
    expect(dump.tables[0]!.rows[1]).toEqual(['合计', '30.00']);
  });
});

describe.concurrent('budget-lens on workbooks', SLOW, () => {
  it('checks an .xlsx file: its table, the error with its arithmetic, exit 1 with --fail-on error', async () => {
    const { code, stdout, stderr } = await run('check', join(dir, 'budget.xlsx'), '--fail-on', 'error');
    expect(stderr).toBe('');
    expect(stdout).toContain('《一般公共预算支出表》');
    expect(stdout).toContain('125.70');
    expect(code).toBe(1);
  });

  it('checks a workbook served as octet-stream from an address without .xlsx', async () => {
    const { code, stdout } = await run('check', `${base}/attachment?id=9`, '--format', 'json');
    expect(code).toBe(0);
    expect(reportSchema.parse(JSON.parse(stdout)).tables).toHaveLength(1);
  });

  it('prints the tables of a workbook', async () => {
    const { code, stdout } = await run('tables', join(dir, 'budget.xlsx'), '--format', 'csv');
    expect(code).toBe(0);
    expect(stdout).toContain('一般公共服务支出');
  });

  it('a legacy .xls: exit 2 with the reason it is not read', async () => {
    const { code, stderr } = await run('check', join(dir, 'old.xls'));
    expect(code).toBe(2);
    expect(stderr).toContain('Excel 97-2003 工作簿（.xls）暂不支持');
  });
});
