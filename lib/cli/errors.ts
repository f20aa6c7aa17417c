/** One-line causes for messages: never a stack trace, never a multi-line dump. */

const MAX_CAUSE = 300;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The short English cause of an I/O failure: "ENOENT", "ECONNREFUSED", "超时（20 秒，timeout）". */
export function errorCode(error: unknown, timeoutMs?: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return timeoutText(timeoutMs);
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const code = (error as { code?: unknown } | null)?.code ?? cause?.code;
  if (typeof code === 'string') return code;
  return oneLine(cause?.message ?? errorText(error));
}

export function timeoutText(timeoutMs?: number): string {
  return timeoutMs === undefined ? '超时（timeout）' : `超时（${seconds(timeoutMs)} 秒，timeout）`;
}

/** A failure inside extraction or analysis: what could not be checked and the cause, on one line. */
export function internalFailure(source: string, error: unknown): string {
  const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `未核对 ${source}：内部错误（${oneLine(cause)}）`;
}

export function oneLine(text: string): string {
  return text.split('\n')[0]!.slice(0, MAX_CAUSE);
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
