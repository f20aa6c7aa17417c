/**
 * Architecture rules no generic linter knows: the one-way flow and the untrusted-page rules.
 * - lib/ never imports from entrypoints/;
 * - only lib/platform/ (and the thin entrypoints) touch browser.* / chrome.*;
 * - the pure analysis (amount, table, checks, document, narrative, report, analyse) uses no DOM;
 * - nothing writes HTML strings into the DOM (innerHTML, outerHTML, insertAdjacentHTML, …);
 * - lib/cli/ is the Node command line: nothing outside it imports from it.
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

const PURE = ['lib/engine'];

for (const file of [...files('lib'), ...files('components'), ...files('entrypoints')]) {
  const code = strip(readFileSync(join(root, file), 'utf8'));
  const rel = relative(root, join(root, file));
  if (rel.startsWith('lib/') && /from\s+['"][^'"]*entrypoints\//.test(code)) problems.push(`${rel}: lib/ must not import from entrypoints/`);
  if (!rel.startsWith('lib/platform/') && !rel.startsWith('entrypoints/') && /\b(browser|chrome)\.(runtime|tabs|storage|scripting|action|contextMenus|declarativeNetRequest|webRequest|permissions)\b/.test(code)) {
    problems.push(`${rel}: browser APIs belong in lib/platform/`);
  }
  if (PURE.some((p) => rel === p || rel.startsWith(`${p}/`)) && /\b(document|window|navigator|localStorage)\.\w/.test(code)) {
    problems.push(`${rel}: the analysis must stay free of DOM and browser globals`);
  }
  if (!rel.startsWith('lib/cli/') && /from\s+['"][^'"]*\/cli\//.test(code)) problems.push(`${rel}: only the command line (lib/cli/) imports from lib/cli/`);
  if (/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(code)) {
    problems.push(`${rel}: never write HTML strings into the page (use textContent or Preact)`);
  }
}

if (problems.length) {
  console.error(`Architecture lint: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('Architecture lint: ok');
