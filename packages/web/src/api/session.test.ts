import { describe, expect, it } from 'vitest';
import { mayReadRegionAudit, mayWriteForHospice, type Session } from './session';
import { safeReturnPath } from './client';

const as = (...roles: { role: string; scope: string | null }[]): Session =>
  ({
    kind: 'user',
    csrfToken: 'x',
    permissions: [],
    user: { id: '1', email: 'a@b.nl', name: 'A', isDemo: false, roles },
  }) as Session;

describe('who may do what (mirrors the server)', () => {
  it('lets the hospice editor, the regisseur of its region and administrators write', () => {
    expect(mayWriteForHospice(as({ role: 'hospice-editor', scope: 'h1' }), 'h1', 'ZK23')).toBe(
      true,
    );
    expect(mayWriteForHospice(as({ role: 'hospice-editor', scope: 'h2' }), 'h1', 'ZK23')).toBe(
      false,
    );
    expect(mayWriteForHospice(as({ role: 'regisseur', scope: 'ZK23' }), 'h1', 'ZK23')).toBe(true);
    expect(mayWriteForHospice(as({ role: 'regisseur', scope: 'ZK01' }), 'h1', 'ZK23')).toBe(false);
    expect(mayWriteForHospice(as({ role: 'administrator', scope: null }), 'h1', null)).toBe(true);
    expect(mayWriteForHospice(as({ role: 'care-professional', scope: null }), 'h1', 'ZK23')).toBe(
      false,
    );
    expect(mayWriteForHospice({ kind: 'anonymous' }, 'h1', 'ZK23')).toBe(false);
  });

  it('shows a region’s audit log to its regisseur and administrators only', () => {
    expect(mayReadRegionAudit(as({ role: 'regisseur', scope: 'ZK23' }), 'ZK23')).toBe(true);
    expect(mayReadRegionAudit(as({ role: 'regisseur', scope: 'ZK23' }), 'ZK01')).toBe(false);
    expect(mayReadRegionAudit(as({ role: 'administrator', scope: null }), 'ZK01')).toBe(true);
    expect(mayReadRegionAudit(as({ role: 'national-analyst', scope: null }), 'ZK01')).toBe(false);
  });
});

describe('the return path after signing in', () => {
  it('stays on this site', () => {
    expect(safeReturnPath('/hospice/abc?x=1')).toBe('/hospice/abc?x=1');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/aanmelden?terug=/x')).toBe('/');
  });
});
