/**
 * Where the CLI writes: stdout carries only the requested output (report, summary, tables), stderr
 * every message, in Chinese with the English cause. Tests pass their own Io.
 */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr is a terminal: progress may be drawn there. */
  errIsTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY === true,
};

/** Exit codes (README "Command line"): one table for every command. */
export const EXIT = {
  /** Checked, whatever was found (or found nothing at or above --fail-on). */
  ok: 0,
  /** A finding at or above --fail-on. */
  findings: 1,
  /** Could not check: bad usage, unreadable file or address, broken PDF, timeout, internal failure. */
  cannotCheck: 2,
} as const;
