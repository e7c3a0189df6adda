import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSigned,
} from './format';

describe('format', () => {
  // Dutch groups thousands with a dot and writes decimals with a comma; English the other way.
  it.each([
    ['nl', '1.234.567,9'],
    ['en', '1,234,567.9'],
  ] as const)('formatNumber groups thousands and decimals as %s does: %s', (locale, text) => {
    expect(formatNumber(1234567.891, locale, 1)).toBe(text);
  });

  it.each([null, Number.NaN])('formatNumber shows a dash for a missing value (%s)', (value) => {
    expect(formatNumber(value, 'nl')).toBe('–');
  });

  it.each([
    [12, '+12'],
    [-3, '−3'],
    [0, '0'],
  ])('formatSigned writes %s as %s, with a plus and the true minus sign', (value, text) => {
    expect(formatSigned(value, 'nl')).toBe(text);
  });

  it('formatPercent turns a share into a percentage', () => {
    expect(formatPercent(0.052, 'nl', 1).replace(/\s/g, '')).toBe('5,2%');
    expect(formatPercent(0.052, 'en', 1)).toBe('5.2%');
  });

  it('formatDate reads a bare ISO date as that calendar day', () => {
    expect(formatDate('2026-01-01', 'nl')).toBe('1 januari 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('formatMonth names the month', () => {
    expect(formatMonth('2026-03', 'nl')).toBe('maart 2026');
  });

  it('formatAge says how long ago in the largest unit', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(formatAge('2026-11-22T11:55:00Z', now, 'nl')).toBe('5 minuten geleden');
    expect(formatAge('2026-11-20T12:00:00Z', now, 'en')).toBe('2 days ago');
  });
});
