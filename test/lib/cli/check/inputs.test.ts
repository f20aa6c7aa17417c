import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../../../lib/cli/check/inputs';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budget-lens-inputs-'));
  mkdirSync(join(dir, 'docs/2024'), { recursive: true });
  mkdirSync(join(dir, 'docs/.cache'), { recursive: true });
  mkdirSync(join(dir, 'empty'), { recursive: true });
  for (const name of ['docs/b.PDF', 'docs/a.html', 'docs/2024/c.htm', 'docs/notes.txt', 'docs/.cache/d.pdf', 'empty/readme.md']) writeFileSync(join(dir, name), 'x');
  // A link back up must not trap the walk.
  symlinkSync(join(dir, 'docs'), join(dir, 'docs/2024/loop'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check inputs', () => {
  it('expands a folder into its disclosures, in name order, below it too, hidden folders and links to folders skipped', async () => {
    const { documents, problems, single } = await expandInputs([join(dir, 'docs')]);
    expect(documents).toEqual([join(dir, 'docs/2024/c.htm'), join(dir, 'docs/a.html'), join(dir, 'docs/b.PDF')]);
    expect(problems).toEqual([]);
    expect(single).toBe(false);
  });

  it('takes files (even missing ones) and addresses as given, once each; one file alone is a single document', async () => {
    expect(await expandInputs(['missing.html'])).toEqual({ documents: ['missing.html'], problems: [], single: true });
    const many = await expandInputs(['https://example.gov.cn/a.pdf', 'x.html', 'x.html']);
    expect(many.documents).toEqual(['https://example.gov.cn/a.pdf', 'x.html']);
    expect(many.single).toBe(false);
  });

  it('names a folder without disclosures', async () => {
    const { documents, problems } = await expandInputs([join(dir, 'empty')]);
    expect(documents).toEqual([]);
    expect(problems).toEqual([`目录中没有可核对的文件（.html、.htm、.pdf、.xlsx）：${join(dir, 'empty')}`]);
  });
});
