/**
 * The CLI half of `npm run bench`: the command as a reviewer runs it, end to end (a new process
 * each time: start-up, reading, analysis, output), side by side with other commands doing the
 * reading alone, all measured in the same run so that machine load hits them alike:
 *
 * - start-up: `budget-lens --version`, and the first line of output for a 2 KB HTML page;
 * - per corpus PDF: wall time and peak memory (maximum resident set, from GNU time) of
 *   `budget-lens check FILE --format json`, of pdf.js alone (scripts/bench/pdfjs-alone.mjs) and of
 *   a pdfplumber script (extract_tables + extract_text on every page) when /usr/bin/python3 has
 *   pdfplumber; without it, of pdfminer.six, the parser pdfplumber runs first (a lower bound of
 *   pdfplumber's time, and labelled so);
 * - the whole corpus as one batch, `--jobs 1` against `--jobs 2`.
 *
 * A benchmark, not a test: it prints figures and never fails on them. Goals (issue 14): --version
 * < 0.2 s, first output < 0.5 s, < 200 MiB for a 30-page PDF, the CLI faster than pdfplumber on
 * every file, --jobs 2 at least 1.7× faster than --jobs 1. The load average is printed: on a
 * shared 2-core machine the figures mean little when it is above 1.
 *
 *   npm run bench -- --cli      BENCH_CLI_RUNS (3), BENCH_PYTHON (/usr/bin/python3)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ensureBuilt } from './build-cli.mjs';

export interface CliBenchRow {
  file: string;
  pages: number;
  cli: Measured;
  pdfjs: Measured;
  python?: Measured;
}

interface Measured {
  /** Median wall time, ms. */
  millis: number;
  /** CPU time (user + system) of the run with the median wall time, ms: less at the mercy of other load. */
  cpuMillis: number;
  /** Peak resident memory, MiB (GNU time's maximum resident set size), of the run with the median time. */
  mib: number;
}

const GNU_TIME = '/usr/bin/time';
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs a command once: wall time, peak memory, and when the first byte reached stdout. */
function runOnce(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ millis: number; cpuMillis: number; mib: number; firstOutput: number; code: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-lens-bench-'));
  const report = join(dir, 'rss');
  const timed = existsSync(GNU_TIME);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutput = 0;
    const child = timed ? spawn(GNU_TIME, ['-f', '%M %U %S', '-o', report, command, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] }) : spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {
      firstOutput ||= performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const millis = performance.now() - started;
      const [kib, user, system] = timed ? readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : [NaN, NaN, NaN];
      rmSync(dir, { recursive: true, force: true });
      resolve({ millis, cpuMillis: (user! + system!) * 1000, mib: kib! / 1024, firstOutput, code });
    });
  });
}

async function measure(runs: number, command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<Measured> {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await runOnce(command, args, cwd, env));
  const middle = median(results.map((r) => r.millis));
  const chosen = results.find((r) => r.millis === middle)!;
  return { millis: chosen.millis, cpuMillis: chosen.cpuMillis, mib: chosen.mib };
}

/** The Python side: pdfplumber when it imports, else pdfminer.six, else nothing. */
function pythonTool(python: string, root: string): { name: string; script: string; env: NodeJS.ProcessEnv } | undefined {
  const env = { ...process.env };
  const imports = (module: string) => existsSync(python) && spawnSync(python, ['-c', `import ${module}`], { env, stdio: 'ignore' }).status === 0;
  if (imports('pdfplumber')) return { name: 'pdfplumber', script: join(root, 'scripts/bench/pdfplumber-script.py'), env };
  if (imports('pdfminer')) return { name: 'pdfminer.six (pdfplumber not installed: its parser alone, a lower bound)', script: join(root, 'scripts/bench/pdfminer-script.py'), env };
  return undefined;
}

const SMALL_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某局2024年部门预算</title></head><body>
<h1>某某局2024年部门预算</h1><p><b>部门收支总表</b></p><p>单位：万元</p>
<table><tr><th>项目</th><th>本年预算</th><th>上年预算</th></tr>
${['合计', '一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出', '住房保障支出', '灾害防治及应急管理支出']
  .map((label, i) => `<tr><td>${label}</td><td>${i === 0 ? '160.00' : '10.00'}</td><td>${i === 0 ? '144.00' : '9.00'}</td></tr>`)
  .join('\n')}
</table><p>2024年收入预算160.00万元，比上年增加16.00万元，增长11.11%。其中一般公共服务支出10.00万元，占6.25%。</p>
<p>单位：万元。本表无政府性基金预算收支，故公开空表。</p>
<p>一般公共服务支出10.00万元，主要用于机关日常运转；教育支出10.00万元，主要用于干部培训；科学技术支出10.00万元，主要用于信息化建设。</p></body></html>`;

export async function benchCli(root: string, runs: number): Promise<CliBenchRow[]> {
  await ensureBuilt();
  const bin = join(root, 'bin/budget-lens.mjs');
  const node = process.execPath;
  const loadBefore = loadavg();
  const work = mkdtempSync(join(tmpdir(), 'budget-lens-bench-page-'));
  const page = join(work, 'small.html');
  writeFileSync(page, SMALL_PAGE);

  console.log(`\nCLI end to end — median of ${runs} runs, a new process each; load average before: ${loadBefore.map((n) => n.toFixed(2)).join(' ')} (2 cores)`);
  const versions = [];
  const firsts = [];
  for (let i = 0; i < Math.max(5, runs); i += 1) {
    versions.push((await runOnce(node, [bin, '--version'], root)).millis);
    firsts.push((await runOnce(node, [bin, 'check', page], root)).firstOutput);
  }
  console.log(`start-up: --version ${median(versions).toFixed(0)} ms (goal < 200); first output for a ${Buffer.byteLength(SMALL_PAGE)}-byte HTML page ${median(firsts).toFixed(0)} ms (goal < 500)`);

  const corpus = join(root, '../shared/corpus/pdf');
  if (!existsSync(corpus)) {
    console.log(`(${corpus} not found: the per-PDF and batch parts are skipped)`);
    rmSync(work, { recursive: true, force: true });
    return [];
  }
  const files = readdirSync(corpus).filter((name) => name.toLowerCase().endsWith('.pdf')).sort();
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  const tool = pythonTool(python, root);
  if (!tool) console.log(`(${python} has neither pdfplumber nor pdfminer: no Python column)`);
  const rows: CliBenchRow[] = [];
  for (const name of files) {
    const file = join(corpus, name);
    const pages = Number(spawnSync(node, [join(root, 'scripts/bench/pdfjs-alone.mjs'), file], { cwd: root, encoding: 'utf8' }).stdout.trim());
    const cli = await measure(runs, node, [bin, 'check', file, '--format', 'json'], root);
    const pdfjs = await measure(runs, node, [join(root, 'scripts/bench/pdfjs-alone.mjs'), file], root);
    const py = tool ? await measure(runs, python, [tool.script, file], root, tool.env) : undefined;
    rows.push({ file: name, pages, cli, pdfjs, ...(py ? { python: py } : {}) });
  }
  printRows(rows, tool?.name);

  const jobs1: number[] = [];
  const jobs2: number[] = [];
  for (let i = 0; i < Math.max(2, Math.ceil(runs / 2)); i += 1) {
    jobs1.push((await runOnce(node, [bin, 'check', corpus, '--jobs', '1', '--format', 'ndjson'], root)).millis);
    jobs2.push((await runOnce(node, [bin, 'check', corpus, '--jobs', '2', '--format', 'ndjson'], root)).millis);
  }
  const [one, two] = [median(jobs1), median(jobs2)];
  // With more load than cores, a second thread finds no free core: the speed-up then says little.
  console.log(`batch of ${files.length} files: --jobs 1 ${(one / 1000).toFixed(2)} s, --jobs 2 ${(two / 1000).toFixed(2)} s: ${(one / two).toFixed(2)}× (goal ≥ 1.7×)`);
  console.log(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  rmSync(work, { recursive: true, force: true });
  return rows;
}

function printRows(rows: CliBenchRow[], pythonName: string | undefined): void {
  const pad = (text: string | number, width: number): string => String(text).padStart(width);
  const name = (file: string): string => (file.length > 40 ? `${file.slice(0, 39)}…` : file).padEnd(41);
  const s = (m: Measured) => (m.millis / 1000).toFixed(2);
  const mib = (m: Measured) => (Number.isFinite(m.mib) ? m.mib.toFixed(0) : '?');
  if (pythonName) console.log(`Python column: ${pythonName}`);
  const cpu = (m: Measured) => (m.cpuMillis / 1000).toFixed(2);
  console.log('s = wall seconds, cpu = user + system seconds, MiB = peak resident memory; ratios on wall time (cpu ratios in brackets)');
  console.log(`${'file'.padEnd(41)}${pad('pages', 6)}${pad('CLI s', 7)}${pad('cpu', 6)}${pad('MiB', 5)}${pad('pdf.js s', 9)}${pad('cpu', 6)}${pad('MiB', 5)}${pad('py s', 7)}${pad('cpu', 6)}${pad('MiB', 5)}${pad('CLI/pdf.js', 16)}${pad('CLI/py', 14)}`);
  for (const row of rows) {
    const py = row.python;
    const ratio = (a: Measured, b: Measured) => `${(a.millis / b.millis).toFixed(2)} (${(a.cpuMillis / b.cpuMillis).toFixed(2)})`;
    console.log(
      `${name(row.file)}${pad(row.pages, 6)}${pad(s(row.cli), 7)}${pad(cpu(row.cli), 6)}${pad(mib(row.cli), 5)}${pad(s(row.pdfjs), 9)}${pad(cpu(row.pdfjs), 6)}${pad(mib(row.pdfjs), 5)}` +
        `${pad(py ? s(py) : '-', 7)}${pad(py ? cpu(py) : '-', 6)}${pad(py ? mib(py) : '-', 5)}${pad(ratio(row.cli, row.pdfjs), 16)}${pad(py ? ratio(row.cli, py) : '-', 14)}`,
    );
  }
  const sum = (pick: (row: CliBenchRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const cli = sum((r) => r.cli.millis);
  const pdfjs = sum((r) => r.pdfjs.millis);
  const py = rows.every((r) => r.python) ? sum((r) => r.python!.millis) : undefined;
  const cliCpu = sum((r) => r.cli.cpuMillis);
  const pdfjsCpu = sum((r) => r.pdfjs.cpuMillis);
  const pyCpu = py === undefined ? undefined : sum((r) => r.python!.cpuMillis);
  const tool = basename(pythonName ?? 'python').split(' ')[0];
  console.log(
    `all files: CLI ${(cli / 1000).toFixed(2)} s (cpu ${(cliCpu / 1000).toFixed(2)}), pdf.js ${(pdfjs / 1000).toFixed(2)} s (cpu ${(pdfjsCpu / 1000).toFixed(2)})` +
      `${py !== undefined ? `, ${tool} ${(py / 1000).toFixed(2)} s (cpu ${(pyCpu! / 1000).toFixed(2)})` : ''}; CLI ÷ pdf.js ${(cli / pdfjs).toFixed(2)} (cpu ${(cliCpu / pdfjsCpu).toFixed(2)})` +
      `${py !== undefined ? `, CLI ÷ ${tool} ${(cli / py).toFixed(2)} (cpu ${(cliCpu / pyCpu!).toFixed(2)})` : ''}`,
  );
  const over = rows.filter((r) => r.cli.mib > 200).map((r) => `${r.file} ${r.cli.mib.toFixed(0)} MiB`);
  console.log(`peak memory of the CLI: max ${Math.max(...rows.map((r) => r.cli.mib)).toFixed(0)} MiB${over.length ? `; over 200 MiB: ${over.join(', ')}` : ', every file under 200 MiB'}`);
  if (py !== undefined) {
    const slower = rows.filter((r) => r.cli.millis > r.python!.millis).map((r) => r.file);
    console.log(`CLI faster than ${pythonName?.split(' ')[0]} on ${rows.length - slower.length} of ${rows.length} files${slower.length ? ` (not on: ${slower.join(', ')})` : ''}`);
  }
}
