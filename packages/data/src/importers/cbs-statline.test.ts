import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCbsStatline, parseCbsStatlineStream, type CbsRecord } from './cbs';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../test/fixtures/cbs/${name}`, import.meta.url)), 'utf8');

const pick = (records: CbsRecord[]): string[] =>
  records.map(
    (r) =>
      `${r.measure} ${r.regionCode} ${String(r.year)} ${r.sex} ${r.ageBand}${
        r.projectionInterval === undefined ? '' : ` ${r.projectionInterval}`
      } = ${String(r.value)}`,
  );

/** A parse's records (as `pick` writes them) and its issues' messages, to compare at once. */
const outcome = ({ records, issues }: ReturnType<typeof parseCbsStatline>) => ({
  records: pick(records),
  issues: issues.map((i) => i.message),
});

describe('parseCbsStatline on 03759ned (population by sex, age and region)', () => {
  const expected = [
    'population GM0014 2021 total total = 233273',
    'population GM0014 2021 total 0-64 = 198282',
    'population GM0014 2021 total 65-79 = 26591',
    'population GM0014 2021 total 80+ = 8400',
    'population GM0034 2021 male total = 106500',
    'population GM0034 2021 female total = 108215',
  ];

  it('aggregates single-year ages of the OData v3 TypedDataSet to 0-64, 65-79 and 80+', () => {
    const { records, issues } = parseCbsStatline(fixture('03759ned_TypedDataSet.json'));
    expect(pick(records)).toEqual(expected);
    expect(records[0]).toEqual({
      tableId: '03759ned',
      regionCode: 'GM0014',
      year: 2021,
      sex: 'total',
      ageBand: 'total',
      measure: 'population',
      value: 233273,
      source: 'CBS StatLine 03759ned, CC BY 4.0',
    });
    // Almere's total is null in the file: reported, not turned into 0.
    expect(issues).toEqual([
      {
        severity: 'warning',
        field: 'Bevolking',
        message: 'field Bevolking: GM0034 2021: value missing (null); not used',
      },
    ]);
  });

  it('reads the semicolon CSV download of the same data set identically, "." meaning missing', () => {
    const { records, issues } = parseCbsStatline(fixture('03759ned_TypedDataSet.csv'), {
      fileName: '03759ned_TypedDataSet_20250101.csv',
    });
    expect(pick(records)).toEqual(expected);
    expect(records.every((r) => r.tableId === '03759ned')).toBe(true);
    expect(issues.map((i) => i.message)).toEqual([
      'line 110: field Bevolking: GM0034 2021: value missing ("."); not used',
    ]);
  });

  it('reads OData v4 Observations and skips measures it does not know, once', () => {
    expect(outcome(parseCbsStatline(fixture('03759ned_Observations_v4.json')))).toEqual({
      records: [
        'population GM0014 2021 total total = 233273',
        'population GM0014 2021 male total = 111000',
        'population GM0014 2021 female total = 122273',
      ],
      issues: [
        'OData v4 measure M000351 is not supported; its rows were skipped (pass measureCodes)',
      ],
    });
  });

  it('reads a StatLine export with Dutch labels, ignoring the band-crossing "65 jaar of ouder" and non-total marital states', () => {
    const parsed = parseCbsStatline(fixture('Bevolking_op_1_januari_03759ned_export.csv'), {
      tableId: '03759ned',
      regionCodesByName: { Groningen: 'GM0014' },
    });
    expect(outcome(parsed)).toEqual({
      records: [
        'population GM0014 2021 total total = 233273',
        'population GM0014 2021 total 0-64 = 198282',
        'population GM0014 2021 total 65-79 = 26591',
        'population GM0014 2021 total 80+ = 8400',
      ],
      issues: [],
    });
  });

  it('warns when the age categories present cannot cover a band exactly', () => {
    const text = [
      '"Geslacht";"Leeftijd";"Regio\'s";"Perioden";"Bevolking op 1 januari (aantal)"',
      '"Mannen";"0 tot 20 jaar";"Nederland";"2021";"100"',
      '"Mannen";"65 jaar of ouder";"Nederland";"2021";"50"',
    ].join('\n');
    expect(outcome(parseCbsStatline(text, { tableId: '03759ned' }))).toEqual({
      records: [],
      issues: [
        'NL01 2021 male: the age categories present do not cover ages 0-64 exactly; band 0-64 not reported',
      ],
    });
  });

  it('maps an unknown age code only through ageLabels from the table metadata', () => {
    const row = (age: string, value: number): string =>
      JSON.stringify({
        Geslacht: 'T001038',
        Leeftijd: age,
        BurgerlijkeStaat: 'T001019',
        RegioS: 'NL01  ',
        Perioden: '2021JJ00',
        BevolkingOp1Januari_1: value,
      });
    const text = `{"odata.metadata":"https://opendata.cbs.nl/ODataApi/OData/03759ned/$metadata#x","value":[${row('53950', 838696)},${row('99999', 5)}]}`;
    const withoutLabels = parseCbsStatline(text);
    expect(pick(withoutLabels.records)).toEqual(['population NL01 2021 total 80+ = 838696']);
    expect(withoutLabels.issues.map((i) => i.message)).toEqual([
      'field Leeftijd: unknown age category "99999"; rows skipped (pass ageLabels from the table\'s Leeftijd metadata)',
    ]);
    const withLabels = parseCbsStatline(text, { ageLabels: { '99999': '85 tot 90 jaar' } });
    expect(withLabels.issues).toEqual([]);
    // 85-90 lies inside 80+, but the 80+ group is the fewest categories covering the band.
    expect(pick(withLabels.records)).toEqual(['population NL01 2021 total 80+ = 838696']);
  });
});

describe('parseCbsStatline on deaths and prognosis tables', () => {
  it('reads deaths (Overledenen_5) and population from 37259ned for NL, provinces and gemeenten', () => {
    const { records, issues } = parseCbsStatline(fixture('37259ned_TypedDataSet.json'), {
      tableId: '37259ned',
    });
    const deaths = pick(records.filter((r) => r.measure === 'deaths'));
    expect(deaths).toEqual([
      'deaths GM0014 2021 total total = 1700',
      'deaths NL01 2021 total total = 170972',
      'deaths NL01 2021 male total = 85000',
      'deaths NL01 2021 female total = 85972',
      'deaths PV20 2021 total total = 6100',
    ]);
    expect(
      records.find(
        (r) => r.measure === 'population' && r.regionCode === 'NL01' && r.sex === 'total',
      )?.value,
    ).toBe(17_475_415);
    // LD01 (landsdeel) is a valid CBS region that the monitor does not use: skipped silently.
    expect(records.some((r) => r.regionCode === 'LD01')).toBe(false);
    expect(issues.map((i) => i.message)).toEqual([
      'field Overledenen: GM0034 2021: value missing (null); not used',
    ]);
  });

  it('reads the PBL/CBS prognosis 85173NED in persons (from thousands) with its 67% interval', () => {
    const { records, issues } = parseCbsStatline(fixture('85173NED_TypedDataSet.json'));
    expect(issues).toEqual([]);
    expect(pick(records)).toEqual([
      'population GM0153 2030 total total lower67 = 160100',
      'population GM0153 2030 total total median = 168900',
      'population GM0153 2030 total total upper67 = 177400',
      'population GM0153 2050 total total median = 172300',
    ]);
    expect(records[0]?.tableId).toBe('85173NED');
  });

  it('reads a 70072ned StatLine export with region names through regionCodesByName', () => {
    const parsed = parseCbsStatline(
      fixture('Regionale_kerncijfers_Nederland_70072ned_export.csv'),
      {
        fileName: 'Regionale_kerncijfers_Nederland_70072ned_export.csv',
        regionCodesByName: {
          'Aa en Hunze': 'GM1680',
          Appingedam: 'GM0003',
          Groningen: 'GM0014',
          'Groningen (PV)': 'PV20',
        },
      },
    );
    expect(outcome(parsed)).toEqual({
      records: [
        'population GM0003 2020 total total = 11642',
        'population GM0014 2020 total total = 232874',
        'population GM1680 2020 total total = 25445',
        'population NL01 2020 total total = 17407585',
        'population PV20 2020 total total = 585866',
      ],
      issues: [
        'line 3: field Regio\'s: region "Aalburg" has no code; pass regionCodesByName for StatLine exports with region names',
      ],
    });
  });
});

describe('parseCbsStatline rejects what it cannot use', () => {
  it('rejects a file of another table than the one asked for', () => {
    const { records, issues } = parseCbsStatline(fixture('37259ned_TypedDataSet.json'), {
      tableId: '03759ned',
    });
    expect(records).toEqual([]);
    expect(issues).toEqual([
      { severity: 'error', message: 'wrong table: the file is 37259ned, expected 03759ned' },
    ]);
  });

  it('rejects a table without a supported measure', () => {
    const text =
      '{"odata.metadata":"https://opendata.cbs.nl/ODataApi/OData/83765NED/$metadata#x","value":[{"ID":0,"WijkenEnBuurten":"GM0014","AantalInwoners_5":233273}]}';
    expect(parseCbsStatline(text).issues.map((i) => i.message)).toEqual([
      'wrong table: no supported measure (Bevolking op 1 januari, Totale bevolking, Overledenen) in 83765NED',
    ]);
  });

  it('rejects a known table id whose measures do not match it', () => {
    const text =
      '{"odata.metadata":"https://opendata.cbs.nl/ODataApi/OData/03747/$metadata#x","value":[{"ID":0,"Geslacht":"T001038","RegioS":"GM0014","Perioden":"2021JJ00","BevolkingOp1Januari_1":233273}]}';
    expect(parseCbsStatline(text).issues.map((i) => i.message)).toEqual([
      'wrong table: 03747 (Overledenen; geslacht, leeftijd, burgerlijke staat, regio) should hold deaths, the file holds population',
    ]);
  });

  it('reports unknown region codes, sex codes and periods, and skips non-annual periods', () => {
    const row = (region: string, sex: string, period: string): string =>
      JSON.stringify({ Geslacht: sex, RegioS: region, Perioden: period, Overledenen_1: 10 });
    const text = `{"odata.metadata":"https://opendata.cbs.nl/ODataApi/OData/37259ned/$metadata#x","value":[${[
      row('GM14', 'T001038', '2021JJ00'),
      row('GM0014', '9999', '2021JJ00'),
      row('GM0014', 'T001038', '2021MM01'),
      row('GM0014', 'T001038', 'vorig jaar'),
      row('GM0014', 'T001038', '2021JJ00'),
    ].join(',')}]}`;
    const { records, issues } = parseCbsStatline(text);
    expect(pick(records)).toEqual(['deaths GM0014 2021 total total = 10']);
    expect(issues.map((i) => `${i.severity}: ${i.message}`)).toEqual([
      'error: field RegioS: unknown region code "GM14"',
      'error: field Geslacht: unknown sex category "9999"',
      'error: field Perioden: unknown period "vorig jaar"; expected YYYYJJ00 or a year',
      'warning: 1 rows with non-annual periods were skipped',
    ]);
  });

  it('reports negative and non-numeric values with their line', () => {
    const text = [
      '"ID";"Geslacht";"RegioS";"Perioden";"Overledenen_5"',
      '"0";"T001038";"GM0014  ";"2021JJ00";"-3"',
      '"1";"T001038";"GM0034  ";"2021JJ00";"12.5"',
      '"2";"T001038";"GM0037  ";"2021JJ00";"veel"',
    ].join('\n');
    expect(outcome(parseCbsStatline(text, { tableId: '37259ned' }))).toEqual({
      records: [],
      issues: [
        'line 2: field Overledenen: must be a number ≥ 0, got "-3"',
        'line 3: field Overledenen: must be a whole number ≥ 0, got "12.5"',
        'line 4: field Overledenen: must be a number ≥ 0, got "veel"',
      ],
    });
  });

  it('asks for the table id when neither the file nor the options name it', () => {
    const text = '"ID";"RegioS";"Perioden";"Overledenen_5"\n"0";"GM0014";"2021JJ00";"10"\n';
    expect(parseCbsStatline(text).issues.map((i) => i.message)).toEqual([
      'table id unknown: the file does not name it; pass the tableId option',
    ]);
  });

  it('rejects text that is not JSON when json is asked for', () => {
    const { issues } = parseCbsStatline('"ID";"RegioS"', { format: 'json' });
    expect(issues[0]?.message).toMatch(/^not JSON/);
  });
});

describe('parseCbsStatlineStream reads a CSV as it arrives', () => {
  /** The text in chunks of `size` bytes, so records, quotes and characters are cut anywhere. */
  async function* chunks(text: string, size: number): AsyncGenerator<Buffer> {
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += size) {
      yield bytes.subarray(i, i + size);
    }
  }

  it.each([1, 7, 4096])(
    'gives the same records and issues as the whole text, in chunks of %i bytes',
    async (size) => {
      for (const [name, options] of [
        ['03759ned_TypedDataSet.csv', { fileName: '03759ned_TypedDataSet_20250101.csv' }],
        [
          'Regionale_kerncijfers_Nederland_70072ned_export.csv',
          {
            fileName: 'Regionale_kerncijfers_Nederland_70072ned_export.csv',
            regionCodesByName: { Groningen: 'GM0014', 'Groningen (PV)': 'PV20' },
          },
        ],
        ['03759ned_TypedDataSet.json', {}],
      ] as const) {
        const text = fixture(name);
        const streamed = await parseCbsStatlineStream(chunks(text, size), options);
        expect(streamed).toEqual(parseCbsStatline(text, options));
        expect(streamed.records.length).toBeGreaterThan(0);
      }
    },
  );

  it('refuses a file whose quoting breaks half-way, keeping nothing of what came before', async () => {
    const text = [
      '"ID";"Geslacht";"RegioS";"Perioden";"Overledenen_5"',
      '"0";"T001038";"GM0014  ";"2021JJ00";"10"',
      '"1";"T001038";"GM0034  ";"2021JJ00";"1"2"',
    ].join('\n');
    const { records, issues } = await parseCbsStatlineStream(chunks(text, 16), {
      tableId: '37259ned',
    });
    expect(records).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^not valid CSV: /);
  });

  it('refuses an empty stream and one without a region column', async () => {
    expect((await parseCbsStatlineStream(chunks('', 8))).issues.map((i) => i.message)).toEqual([
      'file is empty',
    ]);
    const noRegion = await parseCbsStatlineStream(chunks('"ID";"Perioden"\n"0";"2021JJ00"\n', 8), {
      tableId: '37259ned',
    });
    expect(noRegion.issues.map((i) => i.message)).toEqual([
      "line 1: no region column (RegioS, RegioIndelingYYYY or Regio's)",
    ]);
  });
});
