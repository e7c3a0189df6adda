// Texts of the messages about a request as a whole: access, schema validation, text screening and
// uploaded files. Placeholders in braces ({limit}) are the message's parameters; Dutch and English
// name the same ones (messages.test.ts checks it). Every entry has the same layout, Dutch above
// English, so the two texts read side by side.

export const REQUEST_MESSAGES = {
  // access
  'access.personOnly': {
    nl: 'Dit kan alleen een aangemelde persoon, niet een API-token.',
    en: 'Only a signed-in person can do this, not an API token.',
  },
  'access.needsRole': {
    nl: 'Hiervoor is de rol {roles} nodig.',
    en: 'This needs the role {roles}.',
  },
  'access.registryCreate': {
    nl: 'Alleen de regisseur van de regio of een beheerder registreert een hospice.',
    en: 'Only the regisseur of the region or an administrator registers a hospice.',
  },
  'access.registryMove': {
    nl: 'Alleen de regisseur van beide regio’s of een beheerder verplaatst een hospice van {from} naar {to}.',
    en: 'Only the regisseur of both regions or an administrator moves a hospice from {from} to {to}.',
  },
  'access.tokenNotAllowed': {
    nl: 'Een API-token mag dit niet; meld u aan.',
    en: 'An API token may not do this; sign in.',
  },
  'access.tokenOtherHospice': {
    nl: 'Dit API-token hoort bij een andere hospice.',
    en: 'This API token belongs to another hospice.',
  },
  'access.notThisHospice': {
    nl: 'Alleen medewerkers van deze hospice, de regisseur van de regio of een beheerder mogen dit.',
    en: 'Only this hospice’s staff, the regisseur of its region or an administrator may do this.',
  },
  'access.returns': {
    nl: 'Alleen hospicemedewerkers, regisseurs en beheerders leveren opgaven aan.',
    en: 'Only hospice staff, regisseurs and administrators submit returns.',
  },
  'access.csrf': {
    nl: 'De pagina is verlopen. Laad de pagina opnieuw en probeer het nog eens.',
    en: 'The page has expired. Reload it and try again.',
  },
  'access.notThisRegion': {
    nl: 'Alleen de regisseur van {region} of een beheerder mag dit.',
    en: 'Only the regisseur of {region} or an administrator may do this.',
  },
  // schema
  'schema.required': {
    nl: 'is verplicht',
    en: 'is required',
  },
  'schema.additionalProperties': {
    nl: 'onbekend veld {name}',
    en: 'unknown field {name}',
  },
  'schema.enum': {
    nl: 'moet een van deze waarden zijn: {allowed}',
    en: 'must be one of {allowed}',
  },
  'schema.anyOf': {
    nl: 'heeft een verkeerd type of een verkeerde waarde',
    en: 'has the wrong type or value',
  },
  'schema.type': {
    nl: 'heeft een verkeerd type (verwacht: {type})',
    en: 'has the wrong type (expected: {type})',
  },
  'schema.minimum': {
    nl: 'moet minstens {limit} zijn',
    en: 'must be at least {limit}',
  },
  'schema.maximum': {
    nl: 'mag hoogstens {limit} zijn',
    en: 'must be at most {limit}',
  },
  'schema.exclusiveMinimum': {
    nl: 'moet groter zijn dan {limit}',
    en: 'must be more than {limit}',
  },
  'schema.exclusiveMaximum': {
    nl: 'moet kleiner zijn dan {limit}',
    en: 'must be less than {limit}',
  },
  'schema.minLength': {
    nl: 'moet minstens {limit} tekens hebben',
    en: 'must have at least {limit} characters',
  },
  'schema.maxLength': {
    nl: 'mag hoogstens {limit} tekens hebben',
    en: 'must have at most {limit} characters',
  },
  'schema.minItems': {
    nl: 'moet minstens {limit} waarden hebben',
    en: 'must have at least {limit} values',
  },
  'schema.maxItems': {
    nl: 'mag hoogstens {limit} waarden hebben',
    en: 'must have at most {limit} values',
  },
  'schema.format': {
    nl: 'heeft niet de juiste vorm ({format})',
    en: 'does not have the right form ({format})',
  },
  'schema.pattern': {
    nl: 'heeft niet de juiste vorm',
    en: 'does not have the right form',
  },
  // date
  'date.inFuture': {
    nl: 'mag niet in de toekomst liggen (vandaag is {today})',
    en: 'must not be in the future (today is {today})',
  },
  // freeText
  'freeText.bsn': {
    nl: '{field} lijkt een BSN te bevatten; hier mogen geen persoonsgegevens van gasten staan',
    en: '{field} seems to hold a BSN; no personal data of guests may be stored here',
  },
  'freeText.birthDate': {
    nl: '{field} lijkt een geboortedatum te bevatten; hier mogen geen persoonsgegevens van gasten staan',
    en: '{field} seems to hold a date of birth; no personal data of guests may be stored here',
  },
  'freeText.personName': {
    nl: '{field} lijkt een aanhef met een naam te bevatten (Mw./Dhr. …); hier mogen geen persoonsgegevens van gasten staan',
    en: '{field} seems to hold a title with a name (Mrs/Mr …); no personal data of guests may be stored here',
  },
  // csv
  'csv.cellCount': {
    nl: 'heeft {cells} waarden voor {columns} kolommen',
    en: 'has {cells} values for {columns} columns',
  },
  'csv.required': {
    nl: 'is verplicht',
    en: 'is required',
  },
  'csv.notAMonth': {
    nl: 'moet een maand zijn als JJJJ-MM, niet "{value}"',
    en: 'must be a month YYYY-MM, not "{value}"',
  },
  'csv.notACount': {
    nl: 'moet een geheel getal van 0 of meer zijn, niet "{value}"',
    en: 'must be a whole number 0 or more, not "{value}"',
  },
  'csv.columnMissing': {
    nl: 'verplichte kolom ontbreekt',
    en: 'required column is missing',
  },
  'csv.unknownColumn': {
    nl: 'onbekende kolom; de kolommen zijn {columns}',
    en: 'unknown column; the columns are {columns}',
  },
  'csv.noRows': {
    nl: 'het bestand heeft een kopregel maar geen regels',
    en: 'the file has a header but no rows',
  },
  'csv.duplicateRef': {
    nl: 'komt al voor op regel {line}',
    en: 'already on line {line}',
  },
  'csv.invalidValue': {
    nl: 'ongeldige waarde {value}',
    en: 'invalid value {value}',
  },
  'csv.invalidDate': {
    nl: 'geen geldige datum: {value}',
    en: 'not a valid date: {value}',
  },
  'csv.notUtf8': {
    nl: 'is geen UTF-8-tekst (Latin-1 of Windows-1252?); sla het bestand op als "CSV UTF-8" en stuur het opnieuw',
    en: 'is not UTF-8 text (Latin-1 or Windows-1252?); save the file as "CSV UTF-8" and send it again',
  },
  'csv.fileRequired': {
    nl: 'verplicht: een CSV-bestand',
    en: 'is required: a CSV file',
  },
  // period
  'period.toBeforeFrom': {
    nl: 'mag niet vóór het begin ({from}) liggen',
    en: 'must not be before the start ({from})',
  },
  'period.tooLong': {
    nl: 'de periode mag hoogstens {years} jaar zijn',
    en: 'the period may span at most {years} years',
  },
  // text
  'text.nulCharacter': {
    nl: 'mag geen NUL-teken (\\u0000) bevatten',
    en: 'must not contain a NUL character (\\u0000)',
  },
  'text.loneSurrogate': {
    nl: 'bevat een half UTF-16-tekenpaar; dat is geen teken',
    en: 'holds half of a UTF-16 surrogate pair, which is not a character',
  },
  // store
  'store.conflict': {
    nl: 'botst met gegevens die tegelijk zijn opgeslagen; laad opnieuw en probeer het nog eens',
    en: 'conflicts with a record stored at the same time; reload and try again',
  },
  // problem titles: one per error code of a problem+json answer (its `title`)
  'problem.validationFailed': {
    nl: 'De aanvraag is ongeldig',
    en: 'The request is invalid',
  },
  'problem.unprocessable': {
    nl: 'De gegevens zijn niet verwerkt',
    en: 'The data could not be processed',
  },
  'problem.notFound': {
    nl: 'Niet gevonden',
    en: 'Not found',
  },
  'problem.conflict': {
    nl: 'Conflict met de bestaande gegevens',
    en: 'Conflict with the stored data',
  },
  'problem.preconditionFailed': {
    nl: 'De gegevens zijn intussen gewijzigd',
    en: 'The data has changed meanwhile',
  },
  'problem.preconditionRequired': {
    nl: 'If-Match ontbreekt',
    en: 'If-Match is missing',
  },
  'problem.unauthorized': {
    nl: 'Aanmelden vereist',
    en: 'Sign-in required',
  },
  'problem.forbidden': {
    nl: 'Geen toegang',
    en: 'No access',
  },
  'problem.tooManyRequests': {
    nl: 'Te veel verzoeken',
    en: 'Too many requests',
  },
  'problem.payloadTooLarge': {
    nl: 'Het verzoek is te groot',
    en: 'The request is too large',
  },
  'problem.unsupportedMediaType': {
    nl: 'Niet-ondersteund formaat',
    en: 'Unsupported media type',
  },
  'problem.internal': {
    nl: 'Interne fout',
    en: 'Internal error',
  },
} as const;
