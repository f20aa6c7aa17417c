#!/usr/bin/env node
// Runs the built CLI (dist/cli, made by scripts/build-cli.mjs at npm install), building it first
// when it is missing or a source file is newer (a few stat calls when it is current).
// Whatever a command throws is one line on stderr and exit 2 (could not check), never a stack trace.
import { pathToFileURL } from 'node:url';
import { build, currentBuild } from '../scripts/build-cli.mjs';

try {
  const built = currentBuild() ?? (await build().catch((error) => {
    throw new Error(`命令行尚未构建，构建失败：${error?.message ?? error}；请先运行 npm install`);
  }));
  const { main } = await import(pathToFileURL(built.main).href);
  process.exitCode = await main(process.argv.slice(2), { workerUrl: pathToFileURL(built.worker) });
} catch (error) {
  process.stderr.write(`预算透镜：内部错误（${String(error?.message ?? error).split('\n')[0].slice(0, 300)}）\n`);
  process.exitCode = 2;
}
