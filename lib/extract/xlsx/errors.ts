/**
 * Why a workbook could not be read, as a kind and a Chinese reason ending in "未检查"-style
 * wording the CLI prints and the viewer shows. Recognised by `name`, never by `instanceof`
 * (the viewer and Node may load this module twice).
 */
export type XlsxFailure = 'not-xlsx' | 'legacy-xls' | 'encrypted' | 'corrupt' | 'unsupported' | 'limit' | 'aborted';

export interface XlsxError extends Error {
  name: 'XlsxError';
  failure: XlsxFailure;
}

export function xlsxError(failure: XlsxFailure, reason: string): XlsxError {
  const error = new Error(reason) as XlsxError;
  error.name = 'XlsxError';
  error.failure = failure;
  return error;
}

export function isXlsxError(error: unknown): error is XlsxError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'XlsxError';
}

/** The reason to show for anything reading a workbook threw. */
export function xlsxFailureReason(error: unknown): string {
  if (isXlsxError(error)) return `${error.message.replace(/[，,]?未检查$/, '')}，未检查`;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError') return '读取工作簿已取消，未检查';
  const message = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 80) : String(error).slice(0, 80);
  return `读取工作簿时出错（${message}），未检查`;
}
