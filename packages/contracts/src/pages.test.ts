import { describe, expect, it } from 'vitest';
import { matchPage, PAGE_PATHS, pagePath } from './pages';

describe('page paths', () => {
  it('matchPage names the page of a path and its parameters, trailing slash or not', () => {
    expect(matchPage('/')).toEqual({ page: 'overview', params: {} });
    expect(matchPage('/regio/ZK23/')).toEqual({ page: 'region', params: { code: 'ZK23' } });
    expect(matchPage('/hospice/hospice%20a')).toEqual({
      page: 'hospice',
      params: { id: 'hospice a' },
    });
    expect(matchPage('/beheer/auditlog')?.page).toBe('audit');
  });

  it('matchPage finds no page for unknown paths or a missing parameter', () => {
    expect(matchPage('/onbekend')).toBeUndefined();
    expect(matchPage('/regio')).toBeUndefined();
    expect(matchPage('/regio/ZK23/extra')).toBeUndefined();
  });

  it('pagePath fills in parameters, and every listed path matches its own page', () => {
    expect(pagePath('region', { code: 'ZK23' })).toBe('/regio/ZK23');
    for (const path of PAGE_PATHS) {
      expect(matchPage(path.replace(/:[a-z]+/g, 'x'))).toBeDefined();
    }
  });
});
