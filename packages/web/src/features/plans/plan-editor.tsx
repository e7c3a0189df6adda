import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  PLAN_CHANGE_KINDS,
  PLAN_STATUSES,
  type PlanChange,
  type PlanChangeKind,
  type PlanStatus,
  type PlanTarget,
  type RegionPlan,
  type RegionPlanPut,
} from '@palliamonitor/contracts';
import { sendJson } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { formatDate, formatNumber } from '../../lib/format';
import { FormFeedback, useSubmission } from '../common/submission';
import { SelectField } from '../common/select-field';

// The regisseur edits the region's plan here. Every action saves a new version at once (on top of
// the version shown), so the history shows each step and nothing is lost in a half-filled form.

const KIND_KEY: Record<PlanChangeKind, MessageKey> = {
  open: 'plan.kindOpen',
  expand: 'plan.kindExpand',
  shrink: 'plan.kindShrink',
  close: 'plan.kindClose',
};
const STATUS_KEY: Record<PlanStatus, MessageKey> = {
  idea: 'plan.statusIdea',
  planned: 'plan.statusPlanned',
  agreed: 'plan.statusAgreed',
  done: 'plan.statusDone',
};

export function PlanEditor({
  plan,
  hospices,
  onSaved,
}: {
  plan: RegionPlan;
  hospices: readonly { id: string; name: string }[];
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const { isBusy, error, run } = useSubmission();
  const names = new Map(hospices.map((h) => [h.id, h.name]));

  const save = async (next: { targets?: PlanTarget[]; changes?: PlanChange[] }, note: string) => {
    setStatus(null);
    return run(async () => {
      const body: RegionPlanPut = {
        baseVersion: plan.version,
        changeNote: note,
        targets: next.targets ?? plan.targets,
        changes: next.changes ?? plan.changes,
      };
      await sendJson('PUT', `/regions/${plan.region}/plan`, body);
      setStatus(t('plan.saved'));
      onSaved();
    });
  };

  return (
    <div className="panel plan-editor" data-testid="plan-editor">
      <h3>{t('plan.editTitle')}</h3>
      <FormFeedback error={error} status={status} />
      {plan.changes.length === 0 ? (
        <p className="hint">{t('plan.noChanges')}</p>
      ) : (
        <ul className="plan-changes" data-testid="plan-changes">
          {plan.changes.map((c) => (
            <li key={c.id}>
              <span>
                {t('plan.changeLine', {
                  kind: t(KIND_KEY[c.kind]),
                  where:
                    c.hospiceId === null
                      ? (c.locationName ?? '')
                      : (names.get(c.hospiceId) ?? c.hospiceId),
                  beds: formatNumber(c.beds, locale),
                  date: formatDate(c.effectiveOn, locale),
                  status: t(STATUS_KEY[c.status]),
                })}
                {c.note === '' ? null : ` — ${c.note}`}
              </span>{' '}
              <button
                type="button"
                className="button button--small-text"
                disabled={isBusy}
                onClick={() =>
                  void save(
                    { changes: plan.changes.filter((x) => x.id !== c.id) },
                    t('plan.removedNote', { kind: t(KIND_KEY[c.kind]) }),
                  )
                }
              >
                {t('plan.remove')}
                <span className="visually-hidden">: {t(KIND_KEY[c.kind])}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ChangeForm
        hospices={hospices}
        isBusy={isBusy}
        onAdd={(change, note) => save({ changes: [...plan.changes, change as PlanChange] }, note)}
      />
      <TargetForm
        isBusy={isBusy}
        onSet={(target) =>
          save(
            {
              targets: [...plan.targets.filter((x) => x.year !== target.year), target],
            },
            t('plan.targetNote', { year: target.year }),
          )
        }
      />
    </div>
  );
}

function ChangeForm({
  hospices,
  isBusy,
  onAdd,
}: {
  hospices: readonly { id: string; name: string }[];
  isBusy: boolean;
  onAdd: (change: Omit<PlanChange, 'id'>, note: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PlanChangeKind>('expand');
  const [hospiceId, setHospiceId] = useState(hospices[0]?.id ?? '');
  const [location, setLocation] = useState('');
  const [beds, setBeds] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [status, setStatus] = useState<PlanStatus>('planned');
  const [note, setNote] = useState('');
  const isNew = kind === 'open' || hospices.length === 0;
  const change: Omit<PlanChange, 'id'> = {
    kind,
    hospiceId: isNew ? null : hospiceId,
    locationName: isNew ? location : null,
    // An empty or non-numeric entry is sent as such, so the server names the field.
    beds: beds === '' ? 0 : Number(beds),
    effectiveOn,
    status,
    note,
  };

  return (
    <PlanForm
      legend={t('plan.addChange')}
      submit={{ label: t('plan.addSave'), isPrimary: true, isBusy }}
      save={() => onAdd(change, note)}
      onSaved={() => {
        setBeds('');
        setNote('');
      }}
    >
      <SelectField
        label={t('plan.kind')}
        value={kind}
        choices={PLAN_CHANGE_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))}
        onChange={(v) => setKind(v as PlanChangeKind)}
      />
      {isNew ? (
        <label className="field">
          <span className="field__label">{t('plan.location')}</span>
          <input value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} />
        </label>
      ) : (
        <SelectField
          label={t('plan.hospice')}
          value={hospiceId}
          choices={hospices.map((h) => ({ value: h.id, label: h.name }))}
          onChange={setHospiceId}
        />
      )}
      <NumberField label={t('plan.beds')} value={beds} onChange={setBeds} min={1} max={200} />
      <label className="field">
        <span className="field__label">{t('plan.effectiveOn')}</span>
        <input type="date" value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
      </label>
      <SelectField
        label={t('plan.status')}
        value={status}
        choices={PLAN_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEY[s]) }))}
        onChange={(v) => setStatus(v as PlanStatus)}
      />
      <label className="field">
        <span className="field__label">{t('plan.note')}</span>
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
    </PlanForm>
  );
}

/**
 * One action of the editor: a titled group of fields and the button that saves it. What was entered
 * is cleared (`onSaved`) only once saved, so a refused entry stays in the form to be corrected.
 */
function PlanForm({
  legend,
  submit,
  save,
  onSaved,
  children,
}: {
  legend: string;
  submit: { label: string; isPrimary: boolean; isBusy: boolean };
  /** Saves what was entered; true when it was saved. */
  save: () => Promise<boolean>;
  onSaved: () => void;
  children: ReactNode;
}) {
  const onSubmit = async () => {
    if (await save()) {
      onSaved();
    }
  };
  return (
    <form
      className="stack-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      <fieldset>
        <legend>{legend}</legend>
        {children}
        <div>
          <button
            type="submit"
            className={submit.isPrimary ? 'button button--primary' : 'button'}
            disabled={submit.isBusy}
          >
            {submit.label}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function TargetForm({
  isBusy,
  onSet,
}: {
  isBusy: boolean;
  onSet: (target: PlanTarget) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [year, setYear] = useState('2030');
  const [beds, setBeds] = useState('');
  return (
    <PlanForm
      legend={t('plan.setTarget')}
      submit={{ label: t('plan.saveTarget'), isPrimary: false, isBusy }}
      save={() => onSet({ year: Number(year), beds: beds === '' ? -1 : Number(beds) })}
      onSaved={() => setBeds('')}
    >
      <NumberField
        label={t('forecast.year')}
        value={year}
        onChange={setYear}
        min={2024}
        max={2050}
      />
      <NumberField label={t('plan.targetBeds')} value={beds} onChange={setBeds} min={0} />
    </PlanForm>
  );
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max?: number;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        {...(max === undefined ? {} : { max })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
