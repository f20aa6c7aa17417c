/**
 * The progress line on stderr while a batch runs: files done / total, elapsed time, the file
 * being read. Drawn only on a terminal (a log or a pipe gets nothing), redrawn in place, and
 * wiped before any message so that messages stay whole lines.
 */
export interface Progress {
  started(input: string): void;
  finished(input: string): void;
  /** A message line (stderr), printed above the progress line. */
  message(line: string): void;
  /** Removes the progress line for good. */
  stop(): void;
}

export function createProgress(write: (text: string) => void, enabled: boolean, total: number, columns = 80): Progress {
  const begin = performance.now();
  const running: string[] = [];
  let done = 0;
  let shown = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const clear = () => {
    if (shown) write('\r\x1b[2K');
    shown = false;
  };
  const draw = () => {
    if (!enabled) return;
    const elapsed = Math.floor((performance.now() - begin) / 1000);
    const clock = `${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}`;
    const width = 20;
    const filled = total ? Math.round((width * done) / total) : width;
    const current = running.at(-1) ?? '';
    const head = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${clock} `;
    write(`\r\x1b[2K${head}${fit(current, columns - head.length - 1)}`);
    shown = true;
  };
  if (enabled) {
    timer = setInterval(draw, 1000);
    timer.unref();
  }
  return {
    started(input) {
      running.push(input);
      draw();
    },
    finished(input) {
      const at = running.indexOf(input);
      if (at >= 0) running.splice(at, 1);
      done += 1;
      draw();
    },
    message(line) {
      clear();
      write(`${line}\n`);
      draw();
    },
    stop() {
      if (timer) clearInterval(timer);
      clear();
      enabled = false;
    },
  };
}

/** The tail of a path that fits (file names matter more than folders); CJK counts double. */
function fit(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
  const chars = [...safe];
  let used = 0;
  let start = chars.length;
  while (start > 0) {
    const w = displayWidth(chars[start - 1]!);
    if (used + w > Math.max(0, width - 1)) break;
    used += w;
    start -= 1;
  }
  return start > 0 ? `…${chars.slice(start).join('')}` : safe;
}

function displayWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000) ? 2 : 1;
}
