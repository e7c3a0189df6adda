import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { en } from '../../i18n/en';
import { interpolate } from '../../i18n/i18n';
import { nl, type MessageKey } from '../../i18n/nl';
import { problemText } from './problem';

const tNl = (key: MessageKey, params?: Record<string, string | number>) =>
  interpolate(nl[key], params);
const tEn = (key: MessageKey, params?: Record<string, string | number>) =>
  interpolate(en[key], params);
/** A problem's text as the interface shows it in Dutch and in English. */
const inBothLanguages = (error: unknown) => ({
  nl: problemText(error, tNl),
  en: problemText(error, tEn),
});

describe('server problems in the interface language', () => {
  const rejected = new ApiError(422, {
    code: 'UNPROCESSABLE',
    detail: 'the bed status was not stored',
    invalidParams: [
      {
        name: 'bedsOccupied',
        reason: 'must not exceed bedsOpen (3), got 4',
        code: 'bedStatus.occupiedAboveOpen',
        params: { open: 3, occupied: 4 },
      },
      {
        name: 'closedReason',
        reason: 'is required when beds are closed',
        code: 'bedStatus.closedReasonRequired',
      },
    ],
  });

  it('words coded reasons and field names in Dutch, and in English when chosen', () => {
    expect(problemText(rejected, tNl)).toBe(
      'Er ging iets mis. bezette bedden: er kunnen niet meer bedden bezet zijn (4) dan er open zijn (3); reden van sluiting: geef een reden als er bedden gesloten zijn',
    );
    expect(problemText(rejected, tEn)).toContain(
      'occupied beds: there cannot be more occupied beds (4) than open beds (3)',
    );
  });

  it('keeps the server’s text for a code or field the interface does not know', () => {
    const unknown = new ApiError(422, {
      invalidParams: [{ name: 'zorgplan', reason: 'something new', code: 'future.rule' }],
    });
    expect(problemText(unknown, tNl)).toBe('Er ging iets mis. zorgplan: something new');
  });

  it('names the field of a free-text refusal in the interface language', () => {
    const refused = new ApiError(422, {
      code: 'UNPROCESSABLE',
      invalidParams: [
        {
          name: 'admissionCriteria',
          reason: 'looks like a title with a person’s name',
          code: 'freeText.personName',
          params: { field: 'admissionCriteria' },
        },
      ],
    });
    // The message names the field itself: once, not again as a prefix.
    expect(problemText(refused, tNl)).toBe(
      'Er ging iets mis. opnamecriteria lijkt een aanhef met een naam te bevatten (Mw./Dhr. …); hier mogen geen persoonsgegevens van gasten staan',
    );
    expect(problemText(refused, tEn)).toMatch(/^Something went wrong\. admission criteria seems/);
  });

  it('names the roles a refusal asks for in the interface language', () => {
    const forbidden = new ApiError(403, {
      detail: 'this needs the role regisseur or administrator',
      detailCode: 'access.needsRole',
      detailParams: { roles: 'regisseur, administrator' },
    });
    expect(inBothLanguages(forbidden)).toEqual({
      nl: 'Geen toegang. Hiervoor is de rol Regisseur of Beheerder nodig.',
      en: 'No access. This needs the role Regisseur (regional coordinator) or Administrator.',
    });
  });

  it('words the reason of a refusal (403) from its code', () => {
    const forbidden = new ApiError(403, {
      detail: 'only this hospice’s editors, its regisseur or an administrator may do this',
      detailCode: 'access.notThisHospice',
    });
    expect(problemText(forbidden, tNl)).toBe(
      'Geen toegang. Alleen medewerkers van deze hospice, de regisseur van de regio of een beheerder mogen dit.',
    );
  });
});

describe('failures without a usable server message', () => {
  it('says there is no connection instead of the browser’s "Failed to fetch"', () => {
    expect(problemText(new TypeError('Failed to fetch'), tNl)).toBe(
      'Er ging iets mis. Geen verbinding met de server. Controleer uw internetverbinding.',
    );
  });

  it('never shows the server’s own detail of a server error', () => {
    const text = problemText(
      new ApiError(500, { status: 500, detail: 'pg: relation "x" does not exist' }),
      tEn,
    );
    expect(text).toBe(
      'Something went wrong. The server could not handle this just now. Try again in a few minutes.',
    );
  });
});
