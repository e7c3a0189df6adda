import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, getWithEtag, sendJson } from '../../api/client';
import { ADMISSION_CRITERIA_MAX_LENGTH, type Hospice } from '@palliamonitor/contracts';
import { useI18n } from '../../i18n/i18n';
import { problemText } from '../common/problem';

type Field = 'phone' | 'website' | 'streetAddress' | 'postcode' | 'admissionCriteria';
const FIELDS: readonly Field[] = [
  'phone',
  'website',
  'streetAddress',
  'postcode',
  'admissionCriteria',
];
type LineField = Exclude<Field, 'admissionCriteria'>;
const INPUT_TYPE: Readonly<Record<LineField, string>> = {
  phone: 'tel',
  website: 'url',
  streetAddress: 'text',
  postcode: 'text',
};
const AUTOCOMPLETE: Readonly<Record<LineField, string>> = {
  phone: 'tel',
  website: 'url',
  streetAddress: 'street-address',
  postcode: 'postal-code',
};

/** The fields the form changed, as PATCH takes them: emptied is null, a postcode in capitals. */
function changedContact(
  hospice: Hospice,
  values: Record<Field, string>,
): Partial<Record<Field, string | null>> {
  const body: Partial<Record<Field, string | null>> = {};
  for (const field of FIELDS) {
    const value = values[field].trim();
    if (value !== (hospice[field] ?? '')) {
      body[field] = value === '' ? null : field === 'postcode' ? value.toUpperCase() : value;
    }
  }
  return body;
}

/** One labelled input per contact field, with its hint. */
function ContactFields({
  values,
  onChange,
}: {
  values: Record<Field, string>;
  onChange: (values: Record<Field, string>) => void;
}) {
  const { t } = useI18n();
  return FIELDS.map((field) => (
    <label className="field" key={field}>
      <span className="field__label">{t(`contact.field.${field}`)}</span>
      <span className="field__hint">{t(`contact.hint.${field}`)}</span>
      {field === 'admissionCriteria' ? (
        <textarea
          rows={4}
          maxLength={ADMISSION_CRITERIA_MAX_LENGTH}
          value={values[field]}
          onChange={(e) => onChange({ ...values, [field]: e.target.value })}
        />
      ) : (
        <input
          type={INPUT_TYPE[field]}
          autoComplete={AUTOCOMPLETE[field]}
          value={values[field]}
          onChange={(e) => onChange({ ...values, [field]: e.target.value })}
        />
      )}
    </label>
  ));
}

/**
 * The facility's contact details (shown to care professionals in the bed finder), with a form for
 * its editors and regisseur. A change is a new registry version from today (PATCH with If-Match, so
 * a change made meanwhile by someone else is refused, not overwritten).
 */
export function ContactDetails({
  hospice,
  mayEdit,
  onSaved,
}: {
  hospice: Hospice;
  mayEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<{ values: Record<Field, string>; etag: string | null } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const id = useId();

  const open = async () => {
    setError(null);
    setSaved(false);
    try {
      // The current version and its ETag, so the form starts from what is stored now.
      const { data, etag } = await getWithEtag<Hospice>(
        `/hospices/${encodeURIComponent(hospice.id)}`,
      );
      setForm({
        values: {
          phone: data.phone ?? '',
          website: data.website ?? '',
          streetAddress: data.streetAddress ?? '',
          postcode: data.postcode ?? '',
          admissionCriteria: data.admissionCriteria ?? '',
        },
        etag,
      });
    } catch (e) {
      setError(problemText(e, t));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form === null) {
      return;
    }
    const body = changedContact(hospice, form.values);
    if (Object.keys(body).length === 0) {
      setForm(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendJson('PATCH', `/hospices/${encodeURIComponent(hospice.id)}`, body, {
        etag: form.etag,
      });
      setForm(null);
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 412 ? t('contact.conflict') : problemText(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  const address = [
    hospice.streetAddress,
    [hospice.postcode, hospice.place].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="contact-details"
      data-testid="contact-details"
    >
      <h2 id={`${id}-title`}>{t('contact.title')}</h2>
      <ContactList
        phone={hospice.phone}
        address={hospice.streetAddress === null && hospice.postcode === null ? null : address}
        website={hospice.website}
      />
      <AdmissionCriteria text={hospice.admissionCriteria} />
      {saved ? (
        <p className="notice notice--ok" role="status" data-testid="contact-saved">
          {t('contact.saved')}
        </p>
      ) : null}
      {error === null ? null : (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {!mayEdit ? null : form === null ? (
        <button type="button" className="button" onClick={() => void open()}>
          {t('contact.edit')}
        </button>
      ) : (
        <form className="stack-form" onSubmit={(e) => void submit(e)} noValidate>
          <ContactFields values={form.values} onChange={(values) => setForm({ ...form, values })} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isBusy}>
              {t('contact.save')}
            </button>{' '}
            <button type="button" className="button" onClick={() => setForm(null)}>
              {t('contact.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Phone (a tap to call), address and website, each "onbekend" when the registry has none. */
export function ContactList({
  phone,
  address,
  website,
  testId,
}: {
  phone: string | null;
  address: string | null;
  website: string | null;
  testId?: string;
}) {
  const { t } = useI18n();
  const unknown = t('beds.contactUnknown');
  return (
    <dl className="bed-card__contact" data-testid={testId}>
      <div>
        <dt>{t('beds.phone')}</dt>
        <dd>
          {phone === null ? (
            unknown
          ) : (
            <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`} data-testid="phone">
              {phone}
            </a>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('beds.address')}</dt>
        <dd>{address ?? unknown}</dd>
      </div>
      <div>
        <dt>{t('beds.website')}</dt>
        <dd>
          {website === null ? (
            unknown
          ) : (
            <a href={website} rel="noopener noreferrer">
              {website.replace(/^https?:\/\//, '')}
            </a>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** The facility's admission criteria in its own words, or "onbekend" when it has given none. */
export function AdmissionCriteria({ text }: { text: string | null }) {
  const { t } = useI18n();
  return (
    <div className="admission-criteria" data-testid="admission-criteria">
      <h3>{t('contact.field.admissionCriteria')}</h3>
      <p className="admission-criteria__text">{text ?? t('beds.contactUnknown')}</p>
    </div>
  );
}
