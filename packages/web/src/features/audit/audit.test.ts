import { describe, expect, it } from 'vitest';
import { actionKey, changedFields } from './audit';

describe('audit helpers', () => {
  it('names the action of a route', () => {
    expect(actionKey({ method: 'PUT', path: '/api/v1/hospices/abc-1/bed-status' })).toBe(
      'action.PUT bed-status',
    );
    expect(actionKey({ method: 'DELETE', path: '/api/v1/hospices/abc/tokens/0123456789ab' })).toBe(
      'action.DELETE tokens',
    );
    expect(actionKey({ method: 'POST', path: '/api/v1/elsewhere' })).toBeNull();
  });

  it('lists changed fields only, without noise, and masks secrets', () => {
    expect(
      changedFields(
        { bedsOpen: 4, bedsOccupied: 2, eventId: 1, kind: 'confirm', admissionStop: false },
        '{"bedsOpen":4,"bedsOccupied":3,"eventId":2,"kind":"update","admissionStop":false}',
      ),
    ).toEqual([{ field: 'bedsOccupied', from: '2', to: '3' }]);
    expect(changedFields(null, { label: 'kassa', token: 'pm_x_y' })).toEqual([
      { field: 'label', from: null, to: 'kassa' },
      { field: 'token', from: null, to: null, isSecret: true },
    ]);
  });
});
