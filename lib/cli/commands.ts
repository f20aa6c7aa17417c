import type { Io } from './io';

/**
 * The subcommands. Each lives in its own folder and is loaded only when asked for, so `--version`
 * and `--help` load nothing else. A new command (compare, xlsx input…) is a folder with a
 * `command.ts` exporting `run` and one entry here.
 */
export interface CommandModule {
  run(args: string[], context: CommandContext): Promise<number>;
}

export interface CommandContext {
  io: Io;
  /** The built worker script (dist/cli/worker.mjs); absent when running from source (tests), where documents are checked in this thread. */
  workerUrl?: URL;
}

export interface Command {
  /** Usage lines (after "budget-lens "). */
  usage: string[];
  /** Its options, for the help text. */
  options: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: Record<string, Command> = {
  check: {
    usage: ['check <文件|目录|网址> [更多…] [选项]'],
    options: `check 选项：
  --format text|json|md|ndjson|csv
                          输出格式（默认 text：单个文件为报告，多个文件为汇总；json 为 budget-lens/report@1，
                          多个输入时为数组；ndjson 每行一份报告，边核对边输出；csv 每个问题一行）
  --fail-on error|warning 有该级别或更严重的问题时以 1 退出
  --lang zh|en            问题说明的语言（默认 zh；en 为英文说明，算式数字不变）
  --jobs N                同时核对的文件数（默认为 CPU 核数）
  --timeout 秒            每个文件的时限（默认 300）
  --out 目录              每个文件写一份报告（.json 与 .md），另写 summary.md、summary.csv
  --resume                与 --out 同用：跳过内容已报告过的文件（按内容哈希）
  目录中的 .html、.htm、.pdf、.xlsx 文件（含子目录）都会核对；进度显示在终端的 stderr 上。`,
    load: () => import('./check/command'),
  },
  tables: {
    usage: ['tables <文件.html|文件.pdf|文件.xlsx|网址> [--format csv|json|md] [--out 目录]'],
    options: `tables 选项：列出核对所读的每张表格（续表已合并）：标题、类别、单位、页码和表格内容
  --format csv|json|md    默认 csv（每表一段）；json 为 budget-lens/tables@1
  --out 目录              每张表写一个 CSV 文件（UTF-8 带 BOM，Excel 可直接打开）`,
    load: () => import('./tables/command'),
  },
};

export const USAGE = `预算透镜 Budget Lens：核对部门预算、决算公开表格的算术。

用法：
${Object.values(COMMANDS)
  .flatMap((command) => command.usage)
  .map((line) => `  budget-lens ${line}`)
  .join('\n')}

${Object.values(COMMANDS)
  .map((command) => command.options)
  .join('\n\n')}

  -h, --help              显示本帮助
  -v, --version           显示版本

退出码：0 已核对；1 有达到 --fail-on 级别的问题；2 无法核对（文件或网址不可读、目录中没有可核对的文件、
PDF 或工作簿加密或损坏、.xls 旧格式、超时、用法错误）。
`;

/** Bad usage: the message, the help text, exit 2. */
export function usageError(io: Io, message: string): number {
  io.err(`${message}\n\n${USAGE}`);
  return 2;
}
