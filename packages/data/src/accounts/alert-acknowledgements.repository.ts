import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { AppError } from '../errors';
import { isValidDate } from '@palliamonitor/contracts';
import type { WriteContext } from '../registry/hospices.repository';
import { hospicesOfRegion } from '../registry/hospice-reads';

// Acknowledgements of the cockpit's alerts (migration 0008). Append-only: a new acknowledgement
// of the same alert supersedes the earlier one, which stays in the table.

export interface AlertAcknowledgement {
  id: number;
  regionCode: string;
  alertKey: string;
  hospiceId: string | null;
  note: string;
  followUpOn: string | null;
  acknowledgedAt: string;
  /** The person's name (never the e-mail address): the region's users see who acted. */
  acknowledgedBy: string;
}

export interface AlertAcknowledgementInput {
  alertKey: string;
  hospiceId?: string | null | undefined;
  note: string;
  followUpOn?: string | null | undefined;
}

type Row = Omit<Database['alert_acknowledgement'], 'id'> & { id: number; name: string | null };

function toAcknowledgement(row: Row): AlertAcknowledgement {
  return {
    id: Number(row.id),
    regionCode: row.region_code,
    alertKey: row.alert_key,
    hospiceId: row.hospice_id,
    note: row.note,
    followUpOn: row.follow_up_on,
    acknowledgedAt: new Date(row.acknowledged_at).toISOString(),
    acknowledgedBy: row.name ?? '',
  };
}

/** Records an acknowledgement; the hospice, when given, must belong to the region now. */
export async function acknowledgeAlert(
  db: Kysely<Database>,
  regionCode: string,
  input: AlertAcknowledgementInput,
  ctx: WriteContext,
  today: string,
): Promise<AlertAcknowledgement> {
  const note = input.note.trim();
  if (note === '') {
    throw new AppError('VALIDATION_FAILED', 'the note must not be empty', [
      { field: 'note', message: 'must not be empty', code: 'alert.noteEmpty' },
    ]);
  }
  if (
    input.followUpOn !== null &&
    input.followUpOn !== undefined &&
    (!isValidDate(input.followUpOn) || input.followUpOn < today)
  ) {
    throw new AppError('VALIDATION_FAILED', 'the follow-up date must be today or later', [
      {
        field: 'followUpOn',
        message: `must be a date from ${today} on, got ${input.followUpOn}`,
        code: 'alert.followUpInPast',
        params: { today },
      },
    ]);
  }
  const hospiceId = input.hospiceId ?? null;
  if (hospiceId !== null) {
    const inRegion = await hospicesOfRegion(db, regionCode, [hospiceId], { anyVersion: true });
    if (!inRegion.has(hospiceId)) {
      throw new AppError('UNPROCESSABLE', `hospice ${hospiceId} is not in region ${regionCode}`, [
        {
          field: 'hospiceId',
          message: `not a hospice of ${regionCode}`,
          code: 'alert.hospiceNotInRegion',
          params: { region: regionCode },
        },
      ]);
    }
  }
  const inserted = await db
    .insertInto('alert_acknowledgement')
    .values({
      region_code: regionCode,
      alert_key: input.alertKey,
      hospice_id: hospiceId,
      note,
      follow_up_on: input.followUpOn ?? null,
      acknowledged_at: ctx.now.toISOString(),
      acknowledged_by: ctx.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [current] = await listAlertAcknowledgements(db, regionCode, Number(inserted.id));
  return current!;
}

/** The current acknowledgement of each alert of the region, newest first (or the one with `id`). */
export async function listAlertAcknowledgements(
  db: Kysely<Database>,
  regionCode: string,
  id?: number,
): Promise<AlertAcknowledgement[]> {
  let q = db
    .selectFrom('alert_acknowledgement')
    .distinctOn('alert_key')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('alert_key')
    .orderBy('id', 'desc');
  if (id !== undefined) {
    q = q.where('id', '=', id);
  }
  const rows = await q.execute();
  const emails = [
    ...new Set(
      rows.flatMap((r) =>
        r.acknowledged_by.startsWith('user:') ? [r.acknowledged_by.slice('user:'.length)] : [],
      ),
    ),
  ];
  const names = new Map(
    emails.length === 0
      ? []
      : (
          await db
            .selectFrom('app_user')
            .select(['email', 'name'])
            .where('email', 'in', emails)
            .execute()
        ).map((u) => [`user:${u.email}`, u.name]),
  );
  return rows
    .map((r) =>
      toAcknowledgement({ ...r, id: Number(r.id), name: names.get(r.acknowledged_by) ?? null }),
    )
    .sort((a, b) => b.id - a.id);
}
