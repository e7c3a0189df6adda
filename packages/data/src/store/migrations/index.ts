import type { Migration } from 'kysely';
import * as m0001 from './0001-regions-and-registry';
import * as m0002 from './0002-data-collection';
import * as m0003 from './0003-scenarios';
import * as m0004 from './0004-accounts';
import * as m0005 from './0005-registry-revision';
import * as m0006 from './0006-shared-limits';
import * as m0007 from './0007-read-state';
import * as m0008 from './0008-alert-acknowledgements';
import * as m0009 from './0009-regional-plans';
import * as m0010 from './0010-admission-criteria';
import * as m0011 from './0011-kept-reports';
import * as m0012 from './0012-reminders';
import * as m0014 from './0014-stay-admissions';
import * as m0015 from './0015-bed-status-append';
import * as m0016 from './0016-kept-report-public-cut';
import * as m0017 from './0017-bed-status-write';

/** Every migration in order. Names are permanent: never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-regions-and-registry': m0001,
  '0002-data-collection': m0002,
  '0003-scenarios': m0003,
  '0004-accounts': m0004,
  '0005-registry-revision': m0005,
  '0006-shared-limits': m0006,
  '0007-read-state': m0007,
  '0008-alert-acknowledgements': m0008,
  '0009-regional-plans': m0009,
  '0010-admission-criteria': m0010,
  '0011-kept-reports': m0011,
  '0012-reminders': m0012,
  '0014-stay-admissions': m0014,
  '0015-bed-status-append': m0015,
  '0016-kept-report-public-cut': m0016,
  '0017-bed-status-write': m0017,
};
