import { MESSAGES, type MessageCode, type MessageLocale } from '@palliamonitor/contracts';

// The server's messages (problem+json `detailCode` and `invalidParams[].code`) are worded in the
// one registry in contracts; the interface takes their texts from there as `problem.<code>`, so a
// message the server may send always has a Dutch and an English text here.

export type ServerMessageTexts = { readonly [C in MessageCode as `problem.${C}`]: string };

export function serverMessages(locale: MessageLocale): ServerMessageTexts {
  return Object.fromEntries(
    Object.entries(MESSAGES).map(([code, text]) => [`problem.${code}`, text[locale]]),
  ) as ServerMessageTexts;
}
