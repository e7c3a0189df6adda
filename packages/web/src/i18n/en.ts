import type { Dictionary } from './nl';
import { serverMessages } from './server-messages';
import { enSite } from './en/site';
import { enOverview } from './en/overview';
import { enBeds } from './en/beds';
import { enHospice } from './en/hospice';
import { enForecast } from './en/forecast';
import { enReport } from './en/report';
import { enAccount } from './en/account';
import { enInstruments } from './en/instruments';

// English interface texts, one module per concept (en/*.ts), each typed by its Dutch module so both
// languages have the same keys. Dutch domain terms that lose meaning in English
// (zorgkantoorregio, bijna-thuis-huis) keep their Dutch name with an explanation.

export const en: Dictionary = {
  ...enSite,
  ...enOverview,
  ...enBeds,
  ...enHospice,
  ...enForecast,
  ...enReport,
  ...enAccount,
  ...enInstruments,
  // Server messages by code, from the registry in contracts.
  ...serverMessages('en'),
};
