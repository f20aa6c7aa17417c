import type { NotChecked } from '../../engine/report/schema';

/**
 * Why a PDF could not be opened, from what pdf.js threw, as a kind (so the viewer can offer a
 * password prompt or a file picker) and a Chinese "not checked" reason for the CLI and the
 * viewer. Pure: errors are recognised by `name` (and `code`/`status`/`missing`), never by
 * `instanceof`, because pdf.js rebuilds worker errors on the main thread and the viewer and Node
 * load different pdf.js builds.
 *
 * pdfjs-dist 5.6.205 throws PasswordException, InvalidPDFException, ResponseException (which
 * replaced MissingPDFException and UnexpectedResponseException in 5.x; both old names are still
 * recognised), FormatError, UnknownErrorException and AbortException.
 */
export type PdfOpenFailure =
  | 'password-needed'
  | 'password-wrong'
  | 'invalid'
  | 'missing'
  | 'http'
  | 'aborted'
  | 'malformed'
  | 'unknown';

/** pdf.js PasswordResponses: NEED_PASSWORD 1, INCORRECT_PASSWORD 2. */
const INCORRECT_PASSWORD = 2;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  missing?: unknown;
}

const asErrorLike = (error: unknown): ErrorLike => (typeof error === 'object' && error !== null ? (error as ErrorLike) : {});

export function pdfOpenFailure(error: unknown): PdfOpenFailure {
  const e = asErrorLike(error);
  switch (e.name) {
    case 'PasswordException':
      return e.code === INCORRECT_PASSWORD ? 'password-wrong' : 'password-needed';
    case 'InvalidPDFException':
      return 'invalid';
    case 'MissingPDFException':
      return 'missing';
    case 'UnexpectedResponseException':
      return 'http';
    case 'ResponseException':
      return e.missing === true || e.status === 404 ? 'missing' : 'http';
    case 'AbortException':
    case 'AbortError':
      return 'aborted';
    case 'FormatError':
      return 'malformed';
    default:
      return 'unknown';
  }
}

/** Error messages come from pdf.js or the network, and may quote the file: keep them short and on one line. */
function shortMessage(error: unknown): string {
  const e = asErrorLike(error);
  const raw = typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : '';
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 80)}…` : oneLine;
}

/** The Chinese reason shown in the viewer and printed by the CLI, ending in "未检查". */
export function pdfOpenFailureReason(error: unknown): string {
  const failure = pdfOpenFailure(error);
  switch (failure) {
    case 'password-needed':
      return 'PDF 已加密，需要密码才能读取，未检查';
    case 'password-wrong':
      return 'PDF 密码不正确，无法读取，未检查';
    case 'invalid':
      return '文件不是有效的 PDF，或已损坏、下载不完整，未检查';
    case 'missing':
      return '找不到该 PDF 文件（链接可能已失效），未检查';
    case 'http': {
      const status = asErrorLike(error).status;
      return typeof status === 'number' && status > 0
        ? `下载 PDF 失败（服务器返回 HTTP ${status}），未检查`
        : '下载 PDF 失败，未检查';
    }
    case 'aborted':
      return '读取 PDF 已取消，未检查';
    case 'malformed':
      return 'PDF 文件结构有误，无法读取，未检查';
    case 'unknown': {
      const message = shortMessage(error);
      return message ? `读取 PDF 时出错（${message}），未检查` : '读取 PDF 时出错，未检查';
    }
  }
}

/** The whole document as one not-checked entry, for a PDF that could not be opened at all. */
export function pdfOpenNotChecked(error: unknown, what = '整份 PDF 文件'): NotChecked {
  return { what, reason: pdfOpenFailureReason(error) };
}

/** The CLI's name for pdfOpenFailureReason (kept so both callers share one mapping). */
export const describePdfError = pdfOpenFailureReason;
