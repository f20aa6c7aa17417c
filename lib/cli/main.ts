import { readFile } from 'node:fs/promises';
import { COMMANDS, USAGE, usageError } from './commands';
import type { CommandContext } from './commands';
import { processIo } from './io';

/**
 * budget-lens <command> … — the entry of the built CLI (dist/cli/main.mjs, started by
 * bin/budget-lens.mjs). It only finds the command and loads it: help and version load nothing else.
 * Returns the exit code; bin/budget-lens.mjs turns anything thrown into one line and exit 2.
 */
export async function main(argv: string[], context: Partial<CommandContext> = {}): Promise<number> {
  guardStrayRejections();
  const io = context.io ?? processIo;
  const at = argv.findIndex((arg) => Object.hasOwn(COMMANDS, arg));
  if (argv.includes('-h') || argv.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    io.out(`${await version()}\n`);
    return 0;
  }
  if (at < 0) {
    const first = argv.find((arg) => !arg.startsWith('-'));
    return usageError(io, first === undefined ? '缺少命令 check' : `未知命令：${first}`);
  }
  const command = await COMMANDS[argv[at]!]!.load();
  return command.run([...argv.slice(0, at), ...argv.slice(at + 1)], { ...context, io });
}

async function version(): Promise<string> {
  // The build writes the version in (scripts/build-cli.mjs); from source, package.json is two levels up.
  if (process.env.BUDGET_LENS_VERSION) return process.env.BUDGET_LENS_VERSION;
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * pdf.js (its in-process parser) can reject a promise nobody awaits after the document itself has
 * already failed ("FormatError: Illegal character" on a cut PDF). Node would end the process with
 * a stack trace; the input's outcome is already decided, so such a stray rejection is only shown
 * with BUDGET_LENS_DEBUG. (Worker threads guard themselves: check/worker.ts.)
 */
let strayGuarded = false;
function guardStrayRejections(): void {
  if (strayGuarded) return;
  strayGuarded = true;
  process.on('unhandledRejection', (reason) => {
    if (process.env.BUDGET_LENS_DEBUG) process.stderr.write(`[debug] stray rejection: ${String(reason)}\n`);
  });
}
