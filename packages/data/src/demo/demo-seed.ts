import type { Kysely } from 'kysely';
import { DEMO_PASSWORD, seedDemoAccounts } from '../accounts/demo-accounts';
import type { Database } from '../store/schema';
import { hasAnyRow } from '../store/has-any-row';
import { appendLoadAudit, type AuditContext } from '../accounts/audit.repository';
import { normaliseCreate } from '../registry/hospice-values';
import { readSeedCsv } from '../seed-files';
import { buildDemoRegistry, type DemoFacility } from './demo-registry';
import { DEMO_HISTORY_MONTHS, seedDemoActivity } from './demo-activity';

export const DEMO_ACTOR = 'demo-seed';

/**
 * The audit context of one seeded batch (registry, activity, accounts): the demo seeder is the
 * actor, whether the CLI's `seed-demo` or `serve --seed-if-empty` started it. Each batch writes
 * its entry in the transaction that stores it, as every other change does.
 */
export function demoSeedAudit(batch: 'registry' | 'activity' | 'accounts'): AuditContext {
  return {
    actor: DEMO_ACTOR,
    role: 'system',
    method: 'SEED',
    path: `seed-demo ${batch}`,
    status: 0,
    hospiceId: null,
    regionCode: null,
  };
}

/** Reads the inputs of the demo registry from the seed files. */
export function demoRegistryFromSeed(): DemoFacility[] {
  const zk = new Map(
    readSeedCsv('gemeente_zorgkantoorregio_2025.csv').map((r) => [
      r['gemeente_code']!,
      r['zorgkantoorregio_code']!,
    ]),
  );
  const older = new Map<string, number>();
  for (const r of readSeedCsv('population_gemeente_2021.csv')) {
    if (r['age_band'] === '65-79' || r['age_band'] === '80+') {
      const code = r['gemeente_code']!;
      older.set(code, (older.get(code) ?? 0) + Number(r['persons']));
    }
  }
  const gemeenten = [...zk].map(([code, zorgkantoorregio]) => ({
    code,
    zorgkantoorregio,
    population65Plus: older.get(code) ?? 0,
  }));
  const outside = new Set(
    readSeedCsv('woonplaatsen_outside_gemeente.csv').map(
      (r) => `${r['woonplaats']}>${r['gemeente_code']}`,
    ),
  );
  const places = readSeedCsv('woonplaatsen.csv')
    .filter((r) => r['lat'] && r['lon'] && !outside.has(`${r['woonplaats']}>${r['gemeente_code']}`))
    .map((r) => ({
      name: r['woonplaats']!,
      gemeenteCode: r['gemeente_code']!,
      latitude: Number(r['lat']),
      longitude: Number(r['lon']),
    }));
  return buildDemoRegistry(gemeenten, places);
}

/**
 * Writes the demo registry (marked synthetic) in one transaction. Returns the number of facilities
 * written, 0 when demo facilities are already present.
 */
export async function seedDemoRegistry(db: Kysely<Database>, now: Date): Promise<number> {
  if (await hasAnyRow(db.selectFrom('hospice').where('is_synthetic', '=', true))) {
    return 0;
  }
  const facilities = demoRegistryFromSeed();
  const recordedAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('hospice')
      .values(
        facilities.map((f) => ({
          id: f.id,
          external_ref: null,
          is_synthetic: true,
          created_at: recordedAt,
        })),
      )
      .execute();
    const versions = facilities.flatMap((f) => {
      let values = normaliseCreate(f.create);
      let from = f.create.effectiveFrom!;
      const rows = [];
      for (const change of f.changes) {
        rows.push({ values, from, to: change.effectiveFrom as string | null });
        values = {
          ...values,
          ...(change.licensedBeds === undefined ? {} : { licensedBeds: change.licensedBeds }),
          ...(change.closedOn === undefined ? {} : { closedOn: change.closedOn }),
        };
        from = change.effectiveFrom;
      }
      rows.push({ values, from, to: null });
      return rows.map((r) => ({
        hospice_id: f.id,
        valid_from: r.from,
        valid_to: r.to,
        recorded_at: recordedAt,
        recorded_by: DEMO_ACTOR,
        name: r.values.name,
        street_address: r.values.streetAddress,
        postcode: r.values.postcode,
        place: r.values.place,
        gemeente_code: r.values.gemeenteCode,
        latitude: r.values.latitude,
        longitude: r.values.longitude,
        type: r.values.type,
        care_model: r.values.careModel,
        funding: JSON.stringify(r.values.funding),
        umbrellas: JSON.stringify(r.values.umbrellas),
        agb_code: r.values.agbCode,
        kvk_number: r.values.kvkNumber,
        licensed_beds: r.values.licensedBeds,
        opened_on: r.values.openedOn,
        closed_on: r.values.closedOn,
        phone: r.values.phone,
        website: r.values.website,
        admission_criteria: r.values.admissionCriteria ?? null,
      }));
    });
    for (let i = 0; i < versions.length; i += 200) {
      await trx
        .insertInto('hospice_version')
        .values(versions.slice(i, i + 200))
        .execute();
    }
    await appendLoadAudit(trx, demoSeedAudit('registry'), now, {
      syntheticFacilities: facilities.length,
      versions: versions.length,
    });
  });
  return facilities.length;
}

/**
 * All demo data: the synthetic registry, ~24 months of synthetic activity (bed status, stays) and
 * one demo account per role.
 */
export async function seedDemoData(store: { db: Kysely<Database> }, now: Date): Promise<string> {
  const facilities = await seedDemoRegistry(store.db, now);
  const activity = await seedDemoActivity(store.db, now, { audit: demoSeedAudit('activity') });
  const accounts = await seedDemoAccounts(store.db, now, demoSeedAudit('accounts'));
  const parts = [
    ...(facilities === 0
      ? []
      : [`added ${facilities} synthetic demo facilities (marked synthetic)`]),
    ...(activity === null
      ? []
      : [
          `added ${DEMO_HISTORY_MONTHS} months of synthetic activity: ${activity.stays} stays, ${activity.bedStatusEvents} bed-status events`,
        ]),
    ...(accounts.length === 0
      ? []
      : [
          `added ${accounts.length} demo accounts (demo only; password ${DEMO_PASSWORD}): ${accounts.join(', ')}`,
        ]),
  ];
  return parts.length === 0 ? 'demo data already present; nothing added' : parts.join('; ');
}
