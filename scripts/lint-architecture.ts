/**
 * The one architecture rule oxlint cannot say: nothing writes HTML strings into the page
 * (innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write) — page text
 * is hostile input. The import rules (the one-way flow, the pure analysis, only lib/platform
 * touching the browser, only the command line importing lib/cli) and the file-length limit are
 * oxlint rules in .oxlintrc.json, proved by test/scripts/lint-rules.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SOURCE = /\.(ts|tsx|mts)$/;

function files(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out = out.concat(files(path));
    else if (SOURCE.test(name)) out.push(path);
  }
  return out;
}

const problems: string[] = [];
const strip = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

for (const file of [...files('lib'), ...files('components'), ...files('entrypoints')]) {
  const code = strip(readFileSync(join(root, file), 'utf8'));
  const rel = relative(root, join(root, file));
  if (/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(code)) {
    problems.push(`${rel}: never write HTML strings into the page (use textContent or Preact)`);
  }
}

if (problems.length) {
  console.error(`Architecture lint: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Architecture lint: ok');
