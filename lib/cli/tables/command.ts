import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseDocument } from '../../engine/analyse';
import { csvFileName, dumpTables, formatTablesCsv, formatTablesJson, formatTablesMarkdown, tableCsv } from '../../engine/report/format-tables';
import type { NotChecked } from '../../engine/report/schema';
import type { SourceDocument } from '../../engine/source';
import type { CommandContext } from '../commands';
import { usageError } from '../commands';
import { load } from '../document/load';
import { errorCode, errorText } from '../errors';
import { EXIT } from '../io';

const TABLE_FORMATS = ['csv', 'json', 'md'] as const;

/** `tables`: the reconstructed tables of one document, as the checks read them. */
export async function run(args: string[], { io }: CommandContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } } });
  } catch (error) {
    return usageError(io, `参数错误：${errorText(error)}`);
  }
  const { values, positionals: inputs } = parsed;
  const { format, out } = values;
  if (inputs.length !== 1) return usageError(io, inputs.length === 0 ? '缺少要读取表格的文件或网址' : 'tables 命令一次只读一个文件或网址');
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) return usageError(io, `未知格式：${format}（tables 可用 csv、json、md）`);
  const loaded = await load(inputs[0]!);
  if (loaded.kind === 'failed') {
    io.err(`${loaded.message}\n`);
    return EXIT.cannotCheck;
  }
  const extracted =
    loaded.kind === 'pdf'
      ? await extractPdf(loaded.source, loaded.bytes)
      : loaded.kind === 'xlsx'
        ? await extractXlsx(loaded.source, loaded.bytes)
        : { doc: await extractHtml(loaded.source, loaded.text), notChecked: [] };
  if ('failed' in extracted) {
    io.err(`${extracted.failed}\n`);
    return EXIT.cannotCheck;
  }
  const { doc } = extracted;
  const dump = dumpTables(doc.source, analyseDocument(doc, { notChecked: extracted.notChecked }).tables, doc.tables);
  if (out !== undefined) {
    try {
      await mkdir(out, { recursive: true });
      for (const table of dump.tables) await writeFile(join(out, csvFileName(table)), `\uFEFF${tableCsv(table)}`);
    } catch (error) {
      io.err(`无法写入 ${out}：${errorCode(error)}\n`);
      return EXIT.cannotCheck;
    }
    io.err(`已写入 ${dump.tables.length} 个 CSV 文件到 ${out}\n`);
    return EXIT.ok;
  }
  io.out(format === 'json' ? formatTablesJson(dump) : format === 'md' ? formatTablesMarkdown(dump) : formatTablesCsv(dump));
  return EXIT.ok;
}

async function extractHtml(source: string, html: string): Promise<SourceDocument> {
  const { extractHtmlSource } = await import('../document/extract-html');
  return extractHtmlSource(source, html);
}

async function extractXlsx(source: string, bytes: Uint8Array): Promise<{ doc: SourceDocument; notChecked: NotChecked[] } | { failed: string }> {
  const { extractXlsxSource } = await import('../document/extract-xlsx');
  return extractXlsxSource(source, bytes, '未能读取');
}

async function extractPdf(source: string, bytes: Uint8Array): Promise<{ doc: SourceDocument; notChecked: NotChecked[] } | { failed: string }> {
  const { extractPdfSource } = await import('../document/extract-pdf');
  return extractPdfSource(source, bytes, '未能读取');
}
