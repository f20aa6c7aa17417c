import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../../lib/cli/check/progress';

describe('progress line', () => {
  it('is drawn in place on a terminal, wiped before messages and at the end', () => {
    let text = '';
    const progress = createProgress((chunk) => (text += chunk), true, 3, 60);
    progress.started('a/very/long/path/to/某某局2024年部门预算.pdf');
    expect(text.startsWith(`\r\x1b[2K[${'.'.repeat(20)}] 0/3 0:00 …`)).toBe(true);
    expect(text).toContain('某某局2024年部门预算.pdf');
    progress.finished('a/very/long/path/to/某某局2024年部门预算.pdf');
    expect(text).toContain('1/3');
    progress.message('未核对 b.pdf：PDF 已加密');
    expect(text).toContain('\r\x1b[2K未核对 b.pdf：PDF 已加密\n');
    progress.stop();
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('prints nothing but messages when stderr is not a terminal', () => {
    let text = '';
    const progress = createProgress((chunk) => (text += chunk), false, 2);
    progress.started('a.pdf');
    progress.finished('a.pdf');
    progress.message('line');
    progress.stop();
    expect(text).toBe('line\n');
  });
});
