import { describe, expect, it } from 'vitest';
import { landingPath } from './landing';

describe('where a person starts after signing in', () => {
  it('sends a hospice editor of one hospice to its status card', () => {
    expect(landingPath({ roles: [{ role: 'hospice-editor', scope: 'h-1' }] })).toBe('/hospice/h-1');
  });

  it('offers a chooser to an editor of several hospices', () => {
    expect(
      landingPath({
        roles: [
          { role: 'hospice-editor', scope: 'h-1' },
          { role: 'hospice-editor', scope: 'h-2' },
        ],
      }),
    ).toBe('/mijn-hospices');
  });

  it('sends a regisseur to the own region, others to the overview', () => {
    expect(landingPath({ roles: [{ role: 'regisseur', scope: 'ZK23' }] })).toBe('/regio/ZK23');
    expect(landingPath({ roles: [{ role: 'care-professional', scope: null }] })).toBe('/');
    expect(landingPath({ roles: [{ role: 'administrator', scope: null }] })).toBe('/');
    expect(landingPath({ roles: [] })).toBe('/');
  });
});
