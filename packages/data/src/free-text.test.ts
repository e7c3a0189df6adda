import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '@palliamonitor/model';
import { AppError } from './errors';
import {
  findPersonalData,
  passesElevenTest,
  refusePersonalData,
  screenFreeText,
  stringsIn,
  type PersonalDataKind,
} from './free-text';

// What the screening of free text refuses, and the ordinary text it must let through.

const today = new Date('2026-12-01T12:00:00Z');
const kind = (text: string) => findPersonalData(text, today)?.kind;

describe('free-text screening', () => {
  it('knows the eleven-test', () => {
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });

  // Each row: what the test says, the kind of personal data expected (none: let through), texts.
  const cases: Array<[string, PersonalDataKind | undefined, string[]]> = [
    [
      'refuses a BSN',
      'bsn',
      [
        'BSN 123456782',
        'bsn: 1234.56.782',
        'nummer 123 456 782 in dossier',
        '123-45-67-82',
        'Mw. J. Jansen, BSN 123456782, geboren 01-02-1940',
      ],
    ],
    [
      'lets other numbers through',
      undefined,
      [
        '123456789 (fails the eleven-test)',
        'bel 0612345678 of 030-123 4567',
        '+31 30 123 4567',
        'IBAN NL91ABNA0417164300',
        'AGB 12345678, KvK 87654321',
        '1234567820 is ten digits',
      ],
    ],
    [
      'refuses a date of birth',
      'birthDate',
      [
        'geboren 01-02-1940',
        'geb. 3/4/1938',
        'Geboortedatum: 1940-02-01',
        'geboren op 1 februari 1940',
        'born 1940',
        'DOB 12.11.1951',
        'opname van mevrouw (1-2-1940)',
        'sinds 14/7/39',
        '1940-02-01',
        '5 maart 1952',
      ],
    ],
    [
      'lets ordinary dates and numbers through',
      undefined,
      [
        'opnamestop vanaf 01-02-2026',
        'bijgewerkt 2025-11-30 na overleg',
        'CBS-prognose van 15 december 2023',
        'afspraak 1/2/26',
        'tussen 2025 en 2040 groeit de vraag',
        'het idee is geboren uit de praktijk',
        'de regio telt 12.000 inwoners van 65+',
        'versie 1.2.3',
      ],
    ],
    [
      'refuses a title with a name',
      'personName',
      [
        'Mw. J. Jansen',
        'mevr. De Vries belde',
        'Dhr Bakker',
        'de heer Smit',
        'Mr. Visser',
        'Mrs. Brown',
        'mevrouw van der Berg',
        'Mw. A.B.',
      ],
    ],
    [
      'lets other words through',
      undefined,
      [
        'Hospice De Heuvel',
        'MS en ALS zijn ziekten',
        'mw-verpleegkundigen en dhr-afdeling',
        'Mwanza en Dhraa',
        'de heer des huizes',
        'meer mw. dan gepland',
        'Bijna Thuis Huis Mr. (zonder naam)',
      ],
    ],
  ];
  for (const [title, expected, texts] of cases) {
    it.each(texts)(`${title}: %s`, (text) => {
      expect(kind(text)).toBe(expected);
    });
  }

  it('names each failing field with a stable code, and refuses with 422', () => {
    const issues = screenFreeText(
      [
        ['name', 'Scenario voor Mw. Jansen'],
        ['description', 'gewoon'],
        ['label', 'BSN 123456782'],
        ['count', 3],
      ],
      today,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'name',
        code: 'freeText.personName',
        params: { field: 'name' },
      }),
      expect.objectContaining({ field: 'label', code: 'freeText.bsn', params: { field: 'label' } }),
    ]);
    expect(() => refusePersonalData([['x', 'geboren 1-2-1940']], today)).toThrow(AppError);
    expect(() => refusePersonalData([['x', 'gewoon']], today)).not.toThrow();
  });

  it('walks every string of a JSON value with its path', () => {
    expect([...stringsIn({ a: 'x', b: [{ note: 'y' }, 2], c: null })]).toEqual([
      ['a', 'x'],
      ['b.0.note', 'y'],
    ]);
  });

  it('finds nothing in the built-in scenarios, their sources and notes', () => {
    expect(SCENARIOS.flatMap((s) => screenFreeText(stringsIn(s), today))).toEqual([]);
  });
});
