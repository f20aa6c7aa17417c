#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

// The big plain-JS dependencies load first, outside tsx's loader hooks: through the hooks every
// one of the parser's modules costs a round trip, which doubled the start-up time.
await Promise.all([import('parse5'), import('zod'), import('decimal.js')]);
register();
const { main } = await import(new URL('../scripts/cli.ts', import.meta.url).href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Whatever escapes the CLI is one line on stderr and exit 2 (could not check), never a stack trace.
  process.stderr.write(`预算透镜：内部错误（${String(error?.message ?? error).split('\n')[0].slice(0, 300)}）\n`);
  process.exitCode = 2;
}
