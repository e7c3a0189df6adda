import { DOMAIN_MESSAGES } from './messages/domain';
import { REQUEST_MESSAGES } from './messages/requests';

// The one registry of the messages the server sends with a stable code (problem+json `detailCode`
// and `invalidParams[].code`): code → parameters → Dutch and English text. The store and the server
// name a message by its code, so an unknown code does not compile; the web app and the CLI word it
// from here in the reader's language. HTTP statuses are no part of a message: the server decides
// them (server/src/errors.ts).

/** The interface languages. */
export type MessageLocale = 'nl' | 'en';

/** A message's text in each language; `{name}` marks a parameter. */
export interface MessageText {
  readonly nl: string;
  readonly en: string;
}

export const MESSAGES = { ...REQUEST_MESSAGES, ...DOMAIN_MESSAGES } as const satisfies Record<
  string,
  MessageText
>;

/** Every code the server may send. */
export type MessageCode = keyof typeof MESSAGES;

/** The `{name}` placeholders of a text, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? P | Placeholders<R>
  : never;

/** The parameter names a message's text needs. */
export type MessageParamName<C extends MessageCode> = Placeholders<(typeof MESSAGES)[C]['nl']>;

/** The values of a message's parameters. */
export type MessageParams<C extends MessageCode> = Record<MessageParamName<C>, string | number>;

/**
 * A message as the server sends it: its code and, when its text has any, its parameters. Further
 * parameters carry data for the interface (the bed finder's place suggestions), not for the text.
 */
export type CodedMessage = {
  [C in MessageCode]: [MessageParamName<C>] extends [never]
    ? { code: C; params?: Record<string, string | number> }
    : { code: C; params: MessageParams<C> & Record<string, string | number> };
}[MessageCode];

/** Whether text from outside (a server's answer) is a code of this registry. */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

/** The parameter names of a message, in the order its Dutch text uses them. */
export function messageParamNames(code: MessageCode, locale: MessageLocale = 'nl'): string[] {
  return [...new Set([...MESSAGES[code][locale].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

/** A message in one language, its placeholders filled (an unknown one stays visible). */
export function messageText(
  code: MessageCode,
  params: Readonly<Record<string, string | number>> = {},
  locale: MessageLocale = 'nl',
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
