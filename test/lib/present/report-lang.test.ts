import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../../lib/engine/report/schema';
import { inLanguage } from '../../../lib/present/report-lang';
import { main } from '../../../lib/cli/main';
import { finding, report } from './page/report-fixture';

describe('report messages in English (--lang en)', () => {
  it('keeps the figures and every field but the message, which becomes headline, arithmetic and rule', () => {
    const r = report([finding({ id: 'f1', severity: 'error', unit: '万元', tolerance: '0.07' })]);
    const en = inLanguage(r, 'en');
    expect(en.findings[0]).toEqual({ ...r.findings[0], message: 'This total is 0.10 万元 more than its items add up to. total 19.99 · sum of items 19.89 · difference 0.10 · rounding bound 0.07 (万元). [Totals against their items]' });
    expect(reportSchema.parse(en)).toEqual(en);
    expect(inLanguage(r, 'zh')).toBe(r);
  });

  it('the CLI takes --lang en and refuses other languages', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), errIsTty: false };
    expect(await main(['check', 'test/fixtures/pages/001-cms.html', '--format', 'json', '--lang', 'en'], { io })).toBe(0);
    const parsed = reportSchema.parse(JSON.parse(out.join('')));
    expect(parsed.findings.find((f) => f.rule === 'sum.columns')!.message).toMatch(/^This total is [\d.]+ 万元 (more|less) than its items add up to\./);
    expect(await main(['check', 'x.html', '--lang', 'fr'], { io })).toBe(2);
    expect(err.join('')).toContain('--lang 只接受 zh 或 en');
  });
});
