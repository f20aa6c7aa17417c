import { describe, expect, it } from 'vitest';
import { runsOf, splitRun, type TextRun } from '../../../../lib/extract/pdf/text-runs';

const run = (text: string, x0: number, x1: number): TextRun => ({ text, x0, x1, top: 0, bottom: 10, size: 10, fontName: 'f' });

describe('runsOf', () => {
  it('places items in top-left page coordinates and drops whitespace items', () => {
    const items = [
      { str: '合计', transform: [12, 0, 0, 12, 100, 700], width: 24, fontName: 'f1' },
      { str: ' ', transform: [12, 0, 0, 12, 124, 700], width: 8000, fontName: 'f1' },
      { str: '', transform: [12, 0, 0, 12, 0, 0], width: 0, fontName: 'f1', hasEOL: true },
    ];
    const runs = runsOf(items, { f1: { ascent: 0.9, descent: -0.1 } }, [1, 0, 0, -1, 0, 842]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ text: '合计', x0: 100, x1: 124, size: 12 });
    expect(runs[0]!.top).toBeCloseTo(142 - 10.8);
  });
});

describe('splitRun', () => {
  it('cuts a run glued across a cell border', () => {
    // "一般公共服务支出" (8 wide chars) then "3,296,600" (9 half-width chars): 8 + 4.5 em over 125 pt.
    const pieces = splitRun(run('一般公共服务支出3,296,600', 0, 125), [81]);
    expect(pieces.map((p) => p.text)).toEqual(['一般公共服务支出', '3,296,600']);
  });

  it('leaves runs that no border crosses alone', () => {
    expect(splitRun(run('行政运行', 10, 50), [5, 60])).toHaveLength(1);
  });
});
