import { describe, expect, it } from 'vitest';
import { fileStem } from '../../../../lib/cli/check/out-dir';

describe('--out file names', () => {
  it('come from the file or the address, without what a file system refuses', () => {
    expect(fileStem('docs/2024/某某局部门预算.pdf')).toBe('某某局部门预算');
    expect(fileStem('https://czj.example.gov.cn/download.do?id=7')).toBe('download.do');
    expect(fileStem('https://example.gov.cn/')).toBe('example.gov.cn');
    expect(fileStem('a:b*c?.html')).toBe('abc');
    expect(fileStem('...')).toBe('document');
  });
});
