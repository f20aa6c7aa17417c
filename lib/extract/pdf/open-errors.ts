/**
 * pdf.js failures → the "not checked" reason a reader sees. pdf.js throws named exceptions
 * (PasswordException, InvalidPDFException, …); they are matched by name so this module needs no
 * pdf.js import and works with both builds.
 */
export function describePdfError(error: unknown): string {
  const name = error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'PDF 已加密，需要密码才能打开，未检查';
  if (name === 'InvalidPDFException' || /Invalid PDF/i.test(message)) return 'PDF 文件已损坏或不是有效的 PDF，未检查';
  if (name === 'MissingPDFException' || name === 'ResponseException' || name === 'UnexpectedResponseException') return '无法取得 PDF 文件（链接可能已失效），未检查';
  if (name === 'AbortException' || name === 'AbortError') return '检查已取消';
  return `无法读取 PDF（${message || name || '未知错误'}），未检查`;
}
