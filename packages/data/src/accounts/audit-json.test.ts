import { describe, expect, it } from 'vitest';
import { auditJson } from './audit.repository';

describe('auditJson', () => {
  it('writes storable values as JSON.stringify does', () => {
    const value = { a: 1, b: 'tekst 🙂', c: [null, true, { d: 'e' }], at: new Date(0) };
    expect(auditJson(value)).toBe(JSON.stringify(value));
    expect(auditJson('\\u0000 as six characters')).toBe(
      JSON.stringify('\\u0000 as six characters'),
    );
  });

  it('replaces lone surrogates and NUL, in values and in keys', () => {
    expect(auditJson({ a: 'x\u0000y', b: ['\ud800'], 'k\udc00': 1 })).toBe(
      '{"a":"x\uFFFDy","b":["\uFFFD"],"k\uFFFD":1}',
    );
  });

  it('writes a bigint as its digits, and nothing as null', () => {
    expect(auditJson({ n: 12345678901234567890n })).toBe('{"n":"12345678901234567890"}');
    expect(auditJson(undefined)).toBeNull();
    expect(auditJson(() => 1)).toBeNull();
  });
});
