import { describe, expect, it } from 'vitest';
import { createOutput } from '../../../../lib/cli/check/output';
import type { Report } from '../../../../lib/engine/report/schema';

const report = (source: string): Report => ({
  schema: 'budget-lens/report@1',
  source,
  document: { title: 'T', kind: 'budget', units: [] },
  tables: [],
  stats: { checksRun: 0, passed: 0, claims: 0, millis: { extract: 0, analyse: 0 } },
  findings: [],
  changes: [],
});

function collect(format: Parameters<typeof createOutput>[0], single: boolean, reports: Report[]): string {
  let text = '';
  const output = createOutput(format, single, (chunk) => (text += chunk));
  for (const r of reports) output.report(r);
  output.end([], { elapsedMs: 0, jobs: 1 });
  return text;
}

describe('check output', () => {
  it('streams a JSON array byte for byte as JSON.stringify(array, null, 2) would print it', () => {
    const reports = [report('a\nb.html'), report('c.pdf')];
    expect(collect('json', false, reports)).toBe(`${JSON.stringify(reports, null, 2)}\n`);
    expect(collect('json', true, [reports[1]!])).toBe(`${JSON.stringify(reports[1], null, 2)}\n`);
    expect(collect('json', false, [])).toBe('');
  });

  it('writes one report per ndjson line and the csv header even without findings', () => {
    expect(collect('ndjson', false, [report('a'), report('b')]).split('\n')).toHaveLength(3);
    expect(collect('csv', false, [report('a')])).toBe('document,page,table,cell,rule,severity,message,expected,actual\r\n');
  });
});
