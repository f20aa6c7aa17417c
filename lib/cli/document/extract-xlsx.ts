import type { NotChecked } from '../../engine/report/schema';
import type { SourceDocument } from '../../engine/source';

/**
 * Workbook bytes → SourceDocument (lib/extract/xlsx, loaded only for workbooks), or why it could
 * not be read, in one line (`failedVerb`: "未核对" for check, "未能读取" for tables). `notes`: where
 * a cell's number format rounds the number it holds, the checks used the stored number: one line
 * that says so, for stderr.
 */
export async function extractXlsxSource(
  source: string,
  bytes: Uint8Array,
  failedVerb = '未核对',
): Promise<{ doc: SourceDocument; notChecked: NotChecked[]; notes: string[] } | { failed: string }> {
  const { extractXlsx, xlsxFailureReason } = await import('../../extract/xlsx/index');
  try {
    const extraction = await extractXlsx(bytes, { source });
    const [first] = extraction.rounded;
    const notes: string[] = [];
    if (first) {
      const sheet = extraction.sheets[first.place.sheet]?.name ?? '';
      notes.push(`注：${source} 中 ${extraction.rounded.length} 个单元格的显示值经单元格格式舍入，核对按存储值（如「${sheet}」${first.place.ref} 显示 ${first.shown}，存储 ${first.stored}）`);
    }
    return { doc: extraction.doc, notChecked: extraction.notChecked, notes };
  } catch (error) {
    return { failed: `${failedVerb} ${source}：${xlsxFailureReason(error)}` };
  }
}
