import { describe, expect, it } from 'vitest';
import { checkPlaceholders } from '../../../../lib/engine/checks/text-placeholder';
import type { TextBlock } from '../../../../lib/engine/source';

const block = (text: string): TextBlock => ({ anchor: 'b3', text, kind: 'heading', seq: 0, page: 2 });

describe('checkPlaceholders', () => {
  it('flags template placeholders left in the text (N-13)', () => {
    const out = checkPlaceholders([block('第二部分 上海市普陀区XX局 2024 年度部门决算表'), block('其中：某某项目支出××万元')]);
    expect(out.findings.map((f) => f.location)).toMatchObject([
      { text: 'XX', anchor: 'b3', page: 2 },
      { text: '某某' },
      { text: '××' },
    ]);
    expect(out.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('leaves real text, Latin words and codes alone', () => {
    expect(checkPlaceholders([block('上海市普陀区财政局2024年度部门决算表'), block('见 XXL-2 号文件，www.XXsite.gov.cn')]).findings).toEqual([]);
  });

  it('flags both directions left standing and a reason announced but not given', () => {
    const out = checkPlaceholders([block('一般公共预算支出比上年增加（减少）12.00万元。主要原因是。')]);
    expect(out.findings.map((f) => f.location)).toMatchObject([{ text: '增加（减少）' }, { text: '主要原因是。' }]);
    expect(checkPlaceholders([block('比上年减少12.00万元，主要原因是人员减少。')]).findings).toEqual([]);
  });
});
