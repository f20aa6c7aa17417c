/**
 * Hostile workbooks (scripts/fixtures/xlsx-hostile.ts, generated here, deterministic) through
 * the path the CLI takes: extract, analyse. Each ends in a report or a clear Chinese reason,
 * within 10 s and without holding the bomb in memory; formulas are never evaluated. The time
 * and memory of each are printed (noisy on a shared machine).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/engine/analyse';
import type { Report } from '../../../../lib/engine/report/schema';
import { extractXlsx, xlsxFailureReason } from '../../../../lib/extract/xlsx/index';
import * as hostile from '../../../../scripts/fixtures/xlsx-hostile';

interface Outcome {
  report?: Report;
  failure?: string;
  reasons: string;
  millis: number;
  /** Growth of resident memory at its peak while reading, in MB. */
  peakMb: number;
}

const measured: string[] = [];

async function check(name: string, bytes: Uint8Array): Promise<Outcome> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  const started = performance.now();
  let outcome: Omit<Outcome, 'millis' | 'peakMb'>;
  try {
    const extraction = await extractXlsx(bytes, { source: name });
    const report = analyse(extraction.doc, { notChecked: extraction.notChecked });
    outcome = { report, reasons: (report.stats.notChecked ?? []).map((n) => `${n.what}: ${n.reason}`).join('\n') };
  } catch (error) {
    outcome = { failure: xlsxFailureReason(error), reasons: xlsxFailureReason(error) };
  }
  const millis = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result = { ...outcome, millis, peakMb: (peak - before) / 1024 / 1024 };
  measured.push(`${name.padEnd(18)} ${String(Math.round(bytes.length / 1024)).padStart(7)} KB ${String(Math.round(millis)).padStart(6)} ms ${String(Math.round(result.peakMb)).padStart(5)} MB  ${(outcome.failure ?? outcome.reasons.split('\n')[0] ?? '').slice(0, 90)}`);
  return result;
}

afterAll(() => console.log(`hostile workbooks (file size, time, peak RSS growth, outcome):\n${measured.join('\n')}`));

const BUDGET_MS = 10_000;
const errors = (o: Outcome) => o.report?.findings.filter((f) => f.severity === 'error') ?? [];

describe('hostile workbooks', () => {
  it('a ZIP bomb (1 GiB of XML in 1 MB, its directory claiming 1 KB): stops at the per-part limit', async () => {
    const outcome = await check('zip-bomb', await hostile.zipBomb(1));
    expect(outcome.reasons).toMatch(/工作表「收支总表」.*解压后超过 256 MB（可能是压缩炸弹）/);
    expect(outcome.millis).toBeLessThan(BUDGET_MS);
    expect(outcome.peakMb).toBeLessThan(400);
  }, 60_000);

  it('1,000,000 rows: the first 10,000 of the sheet are read, the rest named as not checked', async () => {
    const outcome = await check('million-rows', await hostile.millionRows());
    expect(outcome.report!.tables.length).toBeGreaterThan(0);
    expect(outcome.reasons).toContain('工作表「明细」第 10001 行起: 超出读取上限');
    expect(outcome.reasons).toContain('共 1000000 行');
    expect(errors(outcome)).toEqual([]);
    expect(outcome.millis).toBeLessThan(BUDGET_MS * 2);
  }, 120_000);

  it('external links: cached values are read, nothing is fetched, the links are named', async () => {
    const outcome = await check('external-links', hostile.externalLinks());
    expect(outcome.report!.tables).toHaveLength(1);
    expect(errors(outcome)).toEqual([]);
    expect(outcome.reasons).toContain('外部链接: 工作簿引用了 1 个其他工作簿');
  });

  it('macros (.xlsm): never run, the cells are checked, the macros named', async () => {
    const outcome = await check('macros', hostile.macros());
    expect(outcome.report!.stats.checksRun).toBeGreaterThan(0);
    expect(outcome.reasons).toContain('宏（VBA 代码）: 工作簿含宏；预算透镜从不运行宏');
  });

  it('formulas with errors and without saved values: shown as they are, never evaluated, counted as not checked', async () => {
    const outcome = await check('formula-errors', hostile.formulaErrors());
    expect(outcome.reasons).toContain('2 个单元格: 公式结果是错误值');
    expect(outcome.reasons).toContain('1 个单元格: 公式没有保存计算结果');
    expect(errors(outcome)).toEqual([]);
  });

  it('a DTD entity bomb in the shared strings: refused before any expansion', async () => {
    const outcome = await check('entity-bomb', hostile.entityBomb());
    expect(outcome.failure).toMatch(/文档类型定义（DTD）.*未检查$/);
    expect(outcome.millis).toBeLessThan(1_000);
  });

  it('a workbook cut in half: not a complete ZIP', async () => {
    expect((await check('truncated', hostile.truncated())).failure).toBe('文件不是完整的 ZIP 压缩包（可能已损坏或下载不完整），无法读取工作簿，未检查');
  });

  it('legacy .xls and a password-encrypted .xlsx: each its own reason', async () => {
    expect((await check('legacy-xls', hostile.legacyXls())).failure).toMatch(/^Excel 97-2003 工作簿（\.xls）暂不支持/);
    expect((await check('encrypted', hostile.encryptedXlsx())).failure).toMatch(/^工作簿设置了打开密码/);
  });

  it('a merge over the whole sheet: only the part beside the data counts, the table is read', async () => {
    const outcome = await check('whole-sheet-merge', hostile.wholeSheetMerge());
    expect(outcome.report!.tables).toHaveLength(1);
    expect(outcome.millis).toBeLessThan(BUDGET_MS);
  });

  it('a tag that never ends: refused at the token limit', async () => {
    const outcome = await check('endless-tag', hostile.endlessTag());
    expect(outcome.reasons).toMatch(/工作表「支出表」: XML 中有超过 4 MB 的单个标记/);
  });

  it('prototype-polluting names and texts: plain data, Object.prototype untouched', async () => {
    const outcome = await check('prototype-names', hostile.prototypeNames());
    expect(outcome.report).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });

  it('cells scattered over 10,000 columns: the sheet is named as too wide, in linear time', async () => {
    const outcome = await check('scattered-cells', hostile.scatteredCells());
    expect(outcome.report!.tables).toHaveLength(1);
    expect(outcome.reasons).toMatch(/工作表「散点」第 1–10000 行: 表格有 10000 行、10001 列，超出可检查的范围/);
    expect(outcome.millis).toBeLessThan(BUDGET_MS);
  });

  it('100,000 merged ranges and one over the whole sheet: read in bounds', async () => {
    const outcome = await check('many-merges', hostile.manyMerges());
    expect(outcome.report!.tables.length).toBeGreaterThan(0);
    expect(outcome.millis).toBeLessThan(BUDGET_MS);
  });

  it('150 sheets: the first 100 are read, the rest named', async () => {
    const outcome = await check('many-sheets', hostile.manySheets(150));
    expect(outcome.reasons).toContain('第 101–150 张工作表: 工作簿共 150 张工作表，只读取了前 100 张');
    expect(outcome.millis).toBeLessThan(BUDGET_MS * 2);
  }, 60_000);
});
