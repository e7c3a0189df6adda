import { serverMessages } from './server-messages';
import { nlSite } from './nl/site';
import { nlOverview } from './nl/overview';
import { nlBeds } from './nl/beds';
import { nlHospice } from './nl/hospice';
import { nlForecast } from './nl/forecast';
import { nlReport } from './nl/report';
import { nlAccount } from './nl/account';
import { nlInstruments } from './nl/instruments';

// Dutch interface texts: the default language and the source of the message keys, one module per
// concept (nl/*.ts) merged into one dictionary. Placeholders in braces ({count}) are filled by t().
// Keep texts short, plain and in B1 Dutch where possible.

export const nl = {
  ...nlSite,
  ...nlOverview,
  ...nlBeds,
  ...nlHospice,
  ...nlForecast,
  ...nlReport,
  ...nlAccount,
  ...nlInstruments,
  // Server messages by code, from the registry in contracts.
  ...serverMessages('nl'),
} as const;

export type MessageKey = keyof typeof nl;
export type Dictionary = { readonly [key in MessageKey]: string };
