import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of .oxlintrc.json bite: a scratch tree with the repository's config and files
 * that break (and keep) each rule, linted with the repository's oxlint. Nothing is written into
 * the repository.
 */
const root = join(__dirname, '../..');
const FILES: Record<string, string> = {
  'lib/engine/imports-present.ts': "import { marksOf } from '../present/page/marks';\nexport const x = marksOf;\n",
  'lib/engine/checks/imports-extract.ts': "import { extractHtml } from '../../extract/html';\nexport const x = extractHtml;\n",
  'lib/engine/imports-platform.ts': "import { readSettings } from '../platform/storage';\nexport const x = readSettings;\n",
  'lib/engine/imports-pdfjs.ts': "import { getDocument } from 'pdfjs-dist';\nexport const x = getDocument;\n",
  'lib/engine/imports-pdfjs-deep.ts': "import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';\nexport type X = PDFDocumentProxy;\n",
  'lib/engine/imports-wxt-browser.ts': "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
  'lib/engine/imports-node.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  'lib/engine/uses-document.ts': 'export const title = (): string => document.title;\n',
  'lib/engine/uses-window.ts': 'export const width = (): number => window.innerWidth;\n',
  'lib/engine/clean.ts': "import Decimal from 'decimal.js';\nimport { z } from 'zod';\nimport type { Grid } from './table/grid';\nexport const x = [Decimal, z];\nexport type Y = Grid;\nexport const now = (): number => performance.now();\n",
  'lib/extract/imports-present.ts': "import { marksOf } from '../present/page/marks';\nexport const x = marksOf;\n",
  'lib/extract/imports-platform.ts': "import { readSettings } from '../platform/storage';\nexport const x = readSettings;\n",
  'lib/extract/clean.ts': "import { analyse } from '../engine/analyse';\nimport { getDocument } from 'pdfjs-dist';\nexport const x = [analyse, getDocument, document];\n",
  'lib/present/imports-wxt-browser.ts': "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
  'lib/present/uses-browser.ts': 'export const id = (): string => browser.runtime.id;\n',
  'lib/present/imports-entrypoints.ts': "import { App } from '../../entrypoints/popup/App';\nexport const x = App;\n",
  'lib/present/imports-components.ts': "import { FindingList } from '../../components/FindingList';\nexport const x = FindingList;\n",
  'lib/extract/imports-components.ts': "import { FindingList } from '../../components/FindingList';\nexport const x = FindingList;\n",
  'lib/platform/imports-entrypoints.ts': "import { App } from '../../entrypoints/popup/App';\nexport const x = App;\n",
  'components/imports-wxt-browser.tsx': "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
  'lib/platform/clean.ts': "import { browser } from 'wxt/browser';\nexport const id = (): string => browser.runtime.id + chrome.runtime.id;\n",
  'lib/engine/imports-cli.ts': "import { main } from '../cli/main';\nexport const x = main;\n",
  'lib/present/imports-cli.ts': "import { main } from '../cli/main';\nexport const x = main;\n",
  'entrypoints/imports-cli.ts': "import { main } from '../lib/cli/main';\nexport const x = main;\n",
  'lib/cli/clean.ts': "import { readFile } from 'node:fs/promises';\nimport { analyse } from '../engine/analyse';\nimport { COMMANDS } from './commands';\nexport const x = [readFile, analyse, COMMANDS];\n",
  'lib/engine/too-long.ts': `${Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n')}\n`,
};

let dir = '';
let byFile = new Map<string, string[]>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budget-lens-lint-'));
  copyFileSync(join(root, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let out: string;
  try {
    out = execFileSync(join(root, 'node_modules/.bin/oxlint'), ['-c', '.oxlintrc.json', '--format', 'json', 'lib', 'components', 'entrypoints'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { diagnostics: Array<{ filename: string; code: string }> };
  byFile = new Map();
  for (const d of report.diagnostics) byFile.set(d.filename, [...(byFile.get(d.filename) ?? []), d.code]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rulesOf = (path: string): string[] => [...new Set(byFile.get(path) ?? [])];

describe('import rules (.oxlintrc.json)', () => {
  it.each([
    'lib/engine/imports-present.ts',
    'lib/engine/checks/imports-extract.ts',
    'lib/engine/imports-platform.ts',
    'lib/engine/imports-pdfjs.ts',
    'lib/engine/imports-pdfjs-deep.ts',
    'lib/engine/imports-wxt-browser.ts',
    'lib/engine/imports-node.ts',
    'lib/extract/imports-present.ts',
    'lib/extract/imports-platform.ts',
    'lib/extract/imports-components.ts',
    'lib/platform/imports-entrypoints.ts',
    'lib/present/imports-wxt-browser.ts',
    'lib/present/imports-entrypoints.ts',
    'components/imports-wxt-browser.tsx',
    'lib/engine/imports-cli.ts',
    'lib/present/imports-cli.ts',
    'entrypoints/imports-cli.ts',
  ])('%s: no-restricted-imports', (path) => {
    expect(rulesOf(path)).toEqual(['eslint(no-restricted-imports)']);
  });

  it.each(['lib/engine/uses-document.ts', 'lib/engine/uses-window.ts', 'lib/present/uses-browser.ts'])('%s: no-restricted-globals', (path) => {
    expect(rulesOf(path)).toEqual(['eslint(no-restricted-globals)']);
  });

  it('limits a file to 400 lines', () => {
    expect(rulesOf('lib/engine/too-long.ts')).toEqual(['eslint(max-lines)']);
  });

  it('lets the analysis use its own modules, Decimal, zod and performance; extraction the DOM and pdf.js; the platform the browser; presentation the components', () => {
    expect(rulesOf('lib/present/imports-components.ts')).toEqual([]);
    expect(rulesOf('lib/engine/clean.ts')).toEqual([]);
    expect(rulesOf('lib/extract/clean.ts')).toEqual([]);
    expect(rulesOf('lib/platform/clean.ts')).toEqual([]);
    expect(rulesOf('lib/cli/clean.ts')).toEqual([]);
  });
});
