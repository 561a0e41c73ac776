import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks so a CSV reader gets the values back', () => {
    const text = toCsv(
      ['name', 'note', 'count'],
      [
        ['Lee, Ann', 'said "hi"\nthen left', 3],
        ['Bo', null, 0.5],
      ],
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text)).toEqual([
      ['name', 'note', 'count'],
      ['Lee, Ann', 'said "hi"\nthen left', '3'],
      ['Bo', '', '0.5'],
    ]);
  });

  it('keeps spreadsheet formulas from running and leaves negative numbers as numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-4)).toBe('-4');
  });
});
