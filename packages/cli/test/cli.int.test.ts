import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, openStore, storeConfigFromEnv } from '@palliamonitor/data';
import { main } from '../src/main';
import type { Io } from '../src/usage';
import { processStoreEnv } from '../../data/test/test-store';

const fixtures = fileURLToPath(new URL('../../data/test/fixtures/', import.meta.url));
const reference = fileURLToPath(new URL('../../data/seed/reference/', import.meta.url));
const pgUrl = process.env['TEST_DATABASE_URL'];
// Each forecast test opens the store and builds the demography from the CBS series several times
// in one go; on a shared machine that can outlast the default of 30 s.
const FORECAST_TIMEOUT = 120_000;

let dir: string;
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-cli-'));
  ({ env, cleanup } = await processStoreEnv('cli'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await cleanup();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), env };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe(`palliamonitor CLI (${pgUrl ? 'PostgreSQL' : 'embedded store'})`, () => {
  it('migrate brings the schema up to date', async () => {
    const result = await run('migrate');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/schema up to date/);
  });

  it('import hospices stores a valid file and a second import changes nothing', async () => {
    const file = path.join(fixtures, 'hospices/valid.csv');
    const first = await run('import', 'hospices', file);
    expect(first.err).toBe('');
    expect(first.out).toBe('imported hospices: 3 created, 0 updated, 0 unchanged');
    const again = await run('import', 'hospices', file);
    expect(again.out).toBe('imported hospices: 0 created, 0 updated, 3 unchanged');
  });

  it('a file with errors reports each bad row with line and field, exits 2 and stores nothing', async () => {
    const result = await run('import', 'hospices', path.join(fixtures, 'hospices/errors.csv'));
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain('line 3 field licensed_beds');
    expect(result.err).toContain('line 4 field name: is required');
    expect(result.err).toContain('line 4 field type');
    expect(result.err).toContain('line 5 field opened_on');
    expect(result.err).toContain('line 6 field ref: duplicate of line 2');
    const exported = await run('export', 'hospices', '--format', 'json');
    const refs = JSON.parse(exported.out).map((h: { ref: string }) => h.ref);
    expect(refs).not.toContain('x-1');
  });

  it('an unknown gemeente found only against the database also rolls back the whole file', async () => {
    const file = path.join(dir, 'gemeente.csv');
    writeFileSync(
      file,
      'ref,name,place,gemeente_code,type,licensed_beds\nn-1,Hospice Een,Utrecht,GM0344,bth,4\nn-2,Hospice Twee,Nergens,GM9999,bth,4\n',
    );
    const result = await run('import', 'hospices', file);
    expect(result.code).toBe(2);
    expect(result.err).toContain('line 3 field gemeente_code: unknown gemeente GM9999');
    const exported = JSON.parse((await run('export', 'hospices', '--format', 'json')).out);
    expect(exported.map((h: { ref: string }) => h.ref)).not.toContain('n-1');
  });

  it('a changed row becomes a new version; the export round-trips', async () => {
    const csv = (await run('export', 'hospices')).out;
    expect(csv.split('\n')[0]).toBe(
      'ref,name,street_address,postcode,place,gemeente_code,latitude,longitude,type,care_model,funding,umbrellas,agb_code,kvk_number,licensed_beds,opened_on,closed_on,phone,website,effective_from',
    );
    const changed = csv.replace(
      /(vptz-0001,[^\n]*?,)5,2004-03-01,,,,2004-03-01/,
      '$16,2004-03-01,,,,2026-01-01',
    );
    expect(changed).not.toBe(csv);
    const file = path.join(dir, 'changed.csv');
    writeFileSync(file, changed);
    const result = await run('import', 'hospices', file);
    expect(result.out).toBe('imported hospices: 0 created, 1 updated, 2 unchanged');
    const json = JSON.parse(
      (await run('export', 'hospices', '--format', 'json', '--as-of', '2025-12-31')).out,
    );
    expect(json.find((h: { ref: string }) => h.ref === 'vptz-0001').licensedBeds).toBe(5);
    const later = JSON.parse(
      (await run('export', 'hospices', '--format', 'json', '--as-of', '2026-01-02')).out,
    );
    expect(later.find((h: { ref: string }) => h.ref === 'vptz-0001').licensedBeds).toBe(6);
  });

  it('import boundaries stores the official zorgkantoorregio boundaries (TopoJSON and GeoJSON)', async () => {
    const topo = await run(
      'import',
      'boundaries',
      path.join(reference, 'geo/zorgkantoorregio_2025.topojson'),
    );
    expect(topo.err).toBe('');
    expect(topo.out).toBe('imported 31 zorgkantoorregio boundaries for 2025');
    const geo = await run(
      'import',
      'boundaries',
      path.join(reference, 'geo/gemeente_2025.geojson'),
    );
    expect(geo.out).toBe('imported 342 gemeente boundaries for 2025');
  });

  it('import cbs stores population and deaths per region, year and age band', async () => {
    const population = await run(
      'import',
      'cbs',
      path.join(fixtures, 'cbs/03759ned_TypedDataSet.json'),
    );
    expect(population.code).toBe(0);
    expect(population.out).toMatch(/^imported \d+ figures from CBS 03759ned for \d+ regions/);
    const deaths = await run(
      'import',
      'cbs',
      path.join(fixtures, 'cbs/37259ned_TypedDataSet.json'),
    );
    expect(deaths.out).toMatch(/from CBS 37259ned/);
    const wrong = await run('import', 'cbs', path.join(fixtures, 'hospices/valid.csv'));
    expect(wrong.code).toBe(2);
  });

  it(
    'forecast prints one row per year with the contract keys, and bands with --uncertainty',
    { timeout: FORECAST_TIMEOUT },
    async () => {
      const result = await run(
        'forecast',
        '--region',
        'ZK23',
        '--scenario',
        'baseline',
        '--from',
        '2024',
        '--to',
        '2026',
      );
      expect(result.code).toBe(0);
      const { rows } = JSON.parse(result.out);
      expect(rows).toHaveLength(3);
      // The contract's keys come first; extra figures may follow.
      expect(Object.keys(rows[0]).slice(0, 9)).toEqual([
        'year',
        'deaths',
        'expectedDeaths',
        'hospiceRequests',
        'offeredLoad',
        'bedsNeededErlang',
        'bedsNeededNorm',
        'currentBeds',
        'gap',
      ]);
      const banded = JSON.parse(
        (
          await run(
            'forecast',
            '--region',
            'NL',
            '--scenario',
            'baseline',
            '--from',
            '2030',
            '--to',
            '2030',
            '--uncertainty',
            '--draws',
            '50',
          )
        ).out,
      );
      expect(Object.keys(banded.rows[0].deaths)).toEqual(['p10', 'p50', 'p90']);
    },
  );

  it(
    'forecast from 2019 marks the observed years with the CBS deaths and lists its inputs',
    { timeout: FORECAST_TIMEOUT },
    async () => {
      const history = JSON.parse(
        (
          await run(
            'forecast',
            '--region',
            'NL',
            '--scenario',
            'baseline',
            '--from',
            '2019',
            '--to',
            '2050',
            '--format',
            'json',
          )
        ).out,
      );
      expect(history.rows).toHaveLength(32);
      expect(history.rows[5]).toMatchObject({
        year: 2024,
        observed: true,
        observedDeaths: 172_165,
      });
      expect(history.rows[6]).toMatchObject({ year: 2025, observed: false });
      for (const input of history.inputs) {
        expect(Object.keys(input)).toEqual(['name', 'value', 'provenance', 'source']);
        expect(['measured', 'imported', 'assumed']).toContain(input.provenance);
      }
    },
  );

  it('forecast refuses an unknown scenario or region', { timeout: FORECAST_TIMEOUT }, async () => {
    const unknown = await run(
      'forecast',
      '--region',
      'NL',
      '--scenario',
      'nope',
      '--from',
      '2024',
      '--to',
      '2026',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('palliamonitor forecast: unknown scenario nope');
    const region = await run(
      'forecast',
      '--region',
      'ZK05',
      '--scenario',
      'baseline',
      '--from',
      '2024',
      '--to',
      '2026',
    );
    expect(region.code).toBe(2);
    expect(region.err).toBe('palliamonitor forecast: unknown region ZK05');
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['import'], /say what to import/],
    [['import', 'hospices'], /missing file/],
    [['import', 'hospices', '/no/such/file.csv'], /file not found: \/no\/such\/file.csv/],
    [['export', 'hospices', '--format', 'xml'], /--format must be csv or json/],
    [['export', 'hospices', '--bogus'], /Unknown option '--bogus'/],
    [['serve', '--port', '99999'], /--port must be a port number/],
  ])('invalid arguments %j exit 2 with one line', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).not.toMatch(/\s+at\s/);
  });
});

describe(`import hospices and the file's encoding (${pgUrl ? 'PostgreSQL' : 'embedded store'})`, () => {
  // Read as bytes: a file saved as Latin-1 (as spreadsheet programs do) is refused with its line
  // and how to save it, instead of being stored with U+FFFD for every ë.
  const text = [
    'ref,name,place,gemeente_code,type,licensed_beds,opened_on',
    'enc-a,Hospice De Linde,Utrecht,GM0344,bth,4,2015-01-01',
    'enc-b,Hospice Ëiland,Utrecht,GM0344,bth,4,2015-01-01',
  ].join('\n');
  const names = async () =>
    (
      JSON.parse((await run('export', 'hospices', '--format', 'json')).out) as Array<{
        name: string;
      }>
    ).map((h) => h.name);

  it('a Latin-1 file exits 2 naming the line and "UTF-8", and imports nothing', async () => {
    const file = path.join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const result = await run('import', 'hospices', file);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toContain('line 3');
    expect(result.err).toContain('UTF-8');
    expect(await names()).not.toContain('Hospice De Linde');
  });

  it('the same file as UTF-8 is imported, Ë and all', async () => {
    const file = path.join(dir, 'utf8.csv');
    writeFileSync(file, text, 'utf8');
    expect((await run('import', 'hospices', file)).code).toBe(0);
    expect(await names()).toContain('Hospice Ëiland');
  });
});

// Changes made on the command line are in the same audit log as those made through the API: one
// entry per change, written in the change's own transaction.

/** The CLI's entries, oldest first (the store is opened once the command has closed it). */
async function cliEntries(afterId = 0) {
  const store = await openStore(storeConfigFromEnv(env));
  try {
    const { items } = await listAudit(store.db, { limit: 1000, offset: 0 });
    return items.filter((e) => e.method === 'CLI' && e.id > afterId).reverse();
  } finally {
    await store.close();
  }
}

describe(`command-line changes in the audit log (${pgUrl ? 'PostgreSQL' : 'embedded store'})`, () => {
  it('import hospices, token create and revoke, user create: one entry each', async () => {
    const mark = (await cliEntries()).at(-1)?.id ?? 0;
    const file = path.join(dir, 'hospices.csv');
    const csv = (beds: number) =>
      `ref,name,place,gemeente_code,type,licensed_beds\naudit-1,Hospice Opdracht,Utrecht,GM0344,bth,${beds}\n`;
    writeFileSync(file, csv(4));
    expect((await run('import', 'hospices', file)).code).toBe(0);
    // The same day again, with other beds: the version is corrected in place.
    writeFileSync(file, csv(9));
    expect((await run('import', 'hospices', file)).code).toBe(0);
    const [created, changed] = await cliEntries(mark);
    expect(created).toMatchObject({
      path: 'import hospices',
      role: 'cli',
      status: 0,
      regionCode: 'ZK23',
      before: null,
      after: { licensedBeds: 4 },
    });
    expect(changed).toMatchObject({ before: { licensedBeds: 4 }, after: { licensedBeds: 9 } });
    expect(changed!.actor).toMatch(/^cli:/);
    const hospiceId = created!.hospiceId!;

    const token = await run('token', 'create', '--hospice', hospiceId, '--label', 'kassa');
    expect(token.code).toBe(0);
    const tokenId = /token ([0-9a-f]{12})/.exec(token.err)![1]!;
    expect((await run('token', 'revoke', tokenId)).code).toBe(0);
    env['PALLIAMONITOR_PASSWORD'] = 'cli-wachtwoord-lang';
    const user = await run(
      'user',
      'create',
      '--email',
      'audit-beheerder@example.org',
      '--name',
      'Eerste Beheerder',
      '--role',
      'administrator',
    );
    delete env['PALLIAMONITOR_PASSWORD'];
    expect(user.code).toBe(0);
    const entries = await cliEntries(mark);
    expect(entries.map((e) => e.path)).toEqual([
      'import hospices',
      'import hospices',
      'token create',
      'token revoke',
      'user create',
    ]);
    expect(entries[2]).toMatchObject({ hospiceId, regionCode: 'ZK23', after: { id: tokenId } });
    expect(entries[3]).toMatchObject({
      before: { id: tokenId, revokedAt: null },
      after: { id: tokenId },
    });
    expect(entries[4]).toMatchObject({ after: { email: 'audit-beheerder@example.org' } });
    const text = JSON.stringify(entries);
    expect(text).not.toContain('cli-wachtwoord-lang');
    expect(text).not.toContain(token.out);
    // Each command opens the embedded store anew: slow on a busy machine, never wrong.
  }, 180_000);
});
