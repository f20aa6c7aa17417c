import { describe, expect, it } from 'vitest';
import { ALL_CASES } from './all';
import { findingsOf } from './case';

describe.each(ALL_CASES)('$rule ($source)', (c) => {
  it('fails on the failing example', () => {
    const found = findingsOf(c.fails);
    expect(found.filter((f) => f.rule === c.rule && f.severity !== 'info'), JSON.stringify(found)).not.toEqual([]);
  });
  it('passes the passing example', () => {
    const found = findingsOf(c.passes);
    expect(found.filter((f) => f.rule === c.rule && f.severity !== 'info')).toEqual([]);
  });
});
