import { describe, expect, it } from 'vitest';
import { anchorTexts, looksLikePdf, withExtractionNotes } from '../../../../lib/present/pdf/source-helpers';
import { report } from '../page/report-fixture';

describe('viewer helpers', () => {
  it('recognises PDF bytes, even after a little junk', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(looksLikePdf(bytes('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(bytes('\r\n\r\n%PDF-1.4'))).toBe(true);
    expect(looksLikePdf(bytes('<!doctype html><title>登录</title>'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });

  it('adds extraction’s not-checked parts to the report once', () => {
    const base = report([]);
    const withOwn = { ...base, stats: { ...base.stats, notChecked: [{ what: '第 3 页', reason: '没有文字层' }] } };
    const merged = withExtractionNotes(withOwn, [{ what: '第 3 页', reason: '没有文字层' }, { what: '第 301–400 页', reason: '只检查了前 300 页' }]);
    expect(merged.stats.notChecked).toEqual([{ what: '第 301–400 页', reason: '只检查了前 300 页' }, { what: '第 3 页', reason: '没有文字层' }]);
    expect(withExtractionNotes(base, [])).toBe(base);
  });

  it('maps anchors to the text of cells and blocks', () => {
    const texts = anchorTexts({
      source: 'x.pdf',
      title: '',
      tables: [{ anchor: 't0', rows: [[{ text: '合计', rowSpan: 1, colSpan: 1, headerMarkup: false, anchor: 't0.r0.c0' }, { text: ' ', rowSpan: 1, colSpan: 1, headerMarkup: false, anchor: 't0.r0.c1' }]], caption: '', before: [], after: [], seq: 0 }],
      blocks: [{ anchor: 'b1', text: '一般公共预算', kind: 'paragraph', seq: 1 }],
    });
    expect(texts.get('t0.r0.c0')).toBe('合计');
    expect(texts.get('t0.r0.c1')).toBe(' ');
    expect(texts.get('b1')).toBe('一般公共预算');
  });
});
