import { TRANSFORMATION_STATUSES, type TransformationStatus } from '@palliamonitor/contracts';
import type { MessageKey } from '../../i18n/nl';
import { SEQUENTIAL, type ColorScale } from '../../lib/color-scale';

// The five statuses of a transformation plan, in order, as map values (0–4) with one colour
// each: lighter is further from done. The legend and the link texts name every status, so colour
// is never the only carrier.

export const STATUS_KEY: Record<TransformationStatus, MessageKey> = {
  'not-started': 'transformation.status.not-started',
  'in-preparation': 'transformation.status.in-preparation',
  submitted: 'transformation.status.submitted',
  approved: 'transformation.status.approved',
  'in-progress': 'transformation.status.in-progress',
};

export const statusIndex = (status: TransformationStatus): number =>
  TRANSFORMATION_STATUSES.indexOf(status);

export const STATUS_SCALE: ColorScale = {
  kind: 'sequential',
  classes: TRANSFORMATION_STATUSES.map((_, i) => ({ from: i, to: i, color: SEQUENTIAL[i]! })),
  colorOf: (value) =>
    value === null || value === undefined ? '#ffffff' : (SEQUENTIAL[value] ?? '#ffffff'),
};
