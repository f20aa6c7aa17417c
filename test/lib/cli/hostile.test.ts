/**
 * Issue 15, defect 4 through the CLI's own main() (in process, documents on this thread, so fast): a 10 MB digit cell used
 * to overflow the regex stack, print a stack trace and exit 1, the code for "findings".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { internalFailure } from '../../../lib/cli/errors';
import { main } from '../../../lib/cli/main';
import { reportSchema } from '../../../lib/engine/report/schema';

const dir = mkdtempSync(join(tmpdir(), 'budget-lens-cli-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { io: { out: (t) => void (stdout += t), err: (t) => void (stderr += t), errIsTty: false } });
  return { code, stdout, stderr };
}

describe('CLI on hostile input', () => {
  it('a 10 MB digit cell gives a report, not a stack trace', async () => {
    const file = join(dir, 'digits.html');
    writeFileSync(file, `<html><body><h1>2024年部门预算</h1><p>单位：万元</p><table><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>${'9'.repeat(10 * 1024 * 1024)}</td></tr><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table></body></html>`);
    const { code, stdout, stderr } = await run('check', file, '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(reportSchema.safeParse(JSON.parse(stdout)).success).toBe(true);
  });

  it('25-digit amounts: the JSON report passes report@1 with the amounts in full', async () => {
    const file = join(dir, 'big.html');
    writeFileSync(file, `<html><body><h1>2024年部门预算</h1><p>单位：万元</p><table><tr><th>项目</th><th>金额</th></tr><tr><td>合计</td><td>3000000000000000000000000.01</td></tr><tr><td>甲</td><td>1000000000000000000000000.00</td></tr><tr><td>乙</td><td>2000000000000000000000000.00</td></tr></table><p>支出合计3000000000000000000000000.01万元。</p></body></html>`);
    const { code, stdout } = await run('check', file, '--format', 'json');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\de\+\d/);
    expect(reportSchema.safeParse(JSON.parse(stdout)).success).toBe(true);
  });

  it('an internal failure is one line naming the input and the cause', () => {
    const error = new RangeError('Maximum call stack size exceeded\n    at RegExp.test (<anonymous>)');
    expect(internalFailure('page.html', error)).toBe('未核对 page.html：内部错误（RangeError: Maximum call stack size exceeded）');
  });
});
