import { describe, expect, it } from 'vitest';
import { minimalPdf } from '../../../support/minimal-pdf';
import { extractBytes } from '../../../support/extract-pdf';

const extract = extractBytes;

describe('borderless tables', () => {
  it('reads a table without rules from aligned columns, header included', async () => {
    const texts: Array<[number, number, string]> = [
      [80, 640, 'Item'], [262, 640, 'Budget'], [360, 640, 'Actual'],
      [80, 622, 'Salaries'], [250, 622, '1,200.50'], [352, 622, '1,100.00'],
      [80, 604, 'Office costs'], [262, 604, '300.00'], [364, 604, '290.10'],
      [80, 586, 'Total'], [250, 586, '1,500.50'], [352, 586, '1,390.10'],
    ];
    const { doc } = await extract(minimalPdf(['Expense table', 'Unit: yuan'], undefined, texts));
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['Item', 'Budget', 'Actual'],
      ['Salaries', '1,200.50', '1,100.00'],
      ['Office costs', '300.00', '290.10'],
      ['Total', '1,500.50', '1,390.10'],
    ]);
    expect(doc.tables[0]!.before).toEqual(['Expense table', 'Unit: yuan']);
  });

  it('leaves prose with numbers and a table of contents as text', async () => {
    const { doc } = await extract(
      minimalPdf([
        'Spending rose by 12.5 in 2024 and by 3.2 in 2023.',
        'Contents ................................ 3',
        'Tables .................................. 9',
        'Notes ................................... 12',
      ]),
    );
    expect(doc.tables).toEqual([]);
  });
});
