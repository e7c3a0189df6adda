import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutraliseCell, restoreCell, writeCsv } from './csv-cells';

describe('CSV cells never start a formula', () => {
  it.each(['=1+1', '+SUM(1+1)', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://e/","x")'])(
    'puts a quote before %j',
    (text) => {
      expect(neutraliseCell(text)).toBe(`'${text}`);
    },
  );

  it.each(['Hospice De Linde', 'Utrecht', '', '030-1234567', "'s-Hertogenbosch", 'a=b'])(
    'leaves %j alone',
    (text) => {
      expect(neutraliseCell(text)).toBe(text);
    },
  );

  it.each(['=1', "'=1", "''+x", "'s-Hertogenbosch", 'gewoon', "'", '-', "'\t"])(
    'reading back what was written gives %j again',
    (text) => {
      expect(restoreCell(neutraliseCell(text))).toBe(text);
    },
  );

  it('writes numbers as numbers, a negative one too, and quotes only text', () => {
    const csv = writeCsv(
      [{ name: '=cmd|calc', place: '+SUM(1+1)', beds: -3, share: 0.5, note: '-3' }],
      { header: true, columns: ['name', 'place', 'beds', 'share', 'note'] },
    );
    const [header, row] = parse(csv) as string[][];
    expect(header).toEqual(['name', 'place', 'beds', 'share', 'note']);
    expect(row).toEqual(["'=cmd|calc", "'+SUM(1+1)", '-3', '0.5', "'-3"]);
  });
});
