import { describe, expect, it } from 'vitest';
import { FORECAST_YEARS } from '@palliamonitor/contracts';
import { FIRST_YEAR, HISTORY_FIRST_YEAR, LAST_YEAR } from '@palliamonitor/model';

describe('contracts and the model', () => {
  it('FORECAST_YEARS are the model’s own years (contracts cannot import the model)', () => {
    expect(FORECAST_YEARS).toEqual({
      historyFirst: HISTORY_FIRST_YEAR,
      first: FIRST_YEAR,
      last: LAST_YEAR,
    });
  });
});
