// Texts of the messages about the product's own facts: registry, bed status, movements, returns,
// accounts, scenarios, calculators, the bed finder and the region's alerts. Placeholders in braces
// are the message's parameters; Dutch and English name the same ones (messages.test.ts checks it).
// Every entry has the same layout, Dutch above English, so the two texts read side by side.

export const DOMAIN_MESSAGES = {
  // bedStatus
  'bedStatus.occupiedAboveOpen': {
    nl: 'er kunnen niet meer bedden bezet zijn ({occupied}) dan er open zijn ({open})',
    en: 'there cannot be more occupied beds ({occupied}) than open beds ({open})',
  },
  'bedStatus.openAboveLicensed': {
    nl: 'er kunnen niet meer bedden open zijn ({open}) dan er vergund zijn ({licensed})',
    en: 'there cannot be more open beds ({open}) than licensed beds ({licensed})',
  },
  'bedStatus.openAndClosedAboveLicensed': {
    nl: 'open ({open}) en gesloten ({closed}) bedden samen zijn meer dan de vergunde bedden ({licensed})',
    en: 'open ({open}) and closed ({closed}) beds together exceed the licensed beds ({licensed})',
  },
  'bedStatus.closedReasonRequired': {
    nl: 'geef een reden als er bedden gesloten zijn',
    en: 'give a reason when beds are closed',
  },
  'bedStatus.closedReasonWithoutClosedBeds': {
    nl: 'een reden hoort alleen bij gesloten bedden',
    en: 'a reason only goes with closed beds',
  },
  'bedStatus.nothingToConfirm': {
    nl: 'geef eerst één keer de beddenstatus door',
    en: 'report the bed status once first',
  },
  'bedStatus.occupiedDiffersFromGuests': {
    nl: '{occupied} bezette bedden doorgegeven, maar er zijn {present} gasten aanwezig geregistreerd',
    en: '{occupied} occupied beds reported, but {present} guests are registered as present',
  },
  // registry
  'registry.notRegisteredOn': {
    nl: 'de hospice was op {date} niet geregistreerd',
    en: 'the hospice was not registered on {date}',
  },
  'registry.unknownGemeente': {
    nl: 'onbekende gemeente {gemeente}',
    en: 'unknown municipality {gemeente}',
  },
  'registry.gemeenteEnded': {
    nl: 'gemeente {gemeente} bestaat op {date} niet meer (opgeheven {ended})',
    en: 'municipality {gemeente} no longer exists on {date} (ended {ended})',
  },
  'registry.closedBeforeOpened': {
    nl: 'kan niet vóór de opening ({openedOn}) liggen',
    en: 'cannot be before the opening ({openedOn})',
  },
  'registry.coordinatesTogether': {
    nl: 'breedte- en lengtegraad horen bij elkaar',
    en: 'latitude and longitude go together',
  },
  'registry.beforeLatestVersion': {
    nl: 'kan niet vóór {date} liggen, het begin van de laatste versie',
    en: 'cannot be before {date}, the start of the latest version',
  },
  'registry.facilityEnded': {
    nl: 'de voorziening is op {date} beëindigd',
    en: 'the facility ended on {date}',
  },
  // stay
  'stay.allBedsOccupied': {
    nl: 'op {date} zijn alle {licensed} vergunde bedden al bezet door geregistreerde gasten',
    en: 'on {date} all {licensed} licensed beds are already occupied by registered guests',
  },
  'stay.bedStatusNotFollowed': {
    nl: 'de beddenstatus is niet aangepast (nog niet doorgegeven, of past niet bij de open bedden); werk hem bij',
    en: 'the bed status was not adjusted (none reported yet, or it would not fit the open beds); please update it',
  },
  'stay.departureBeforeAdmission': {
    nl: 'het vertrek ({departedOn}) kan niet vóór de opname ({admittedOn}) liggen',
    en: 'the departure ({departedOn}) cannot be before the admission ({admittedOn})',
  },
  'stay.unusuallyLong': {
    nl: 'een verblijf van {days} dagen is ongewoon lang (meer dan {limit})',
    en: 'a stay of {days} days is unusually long (over {limit})',
  },
  'stay.alreadyDeparted': {
    nl: 'het vertrek is al geregistreerd ({departedOn})',
    en: 'the departure was already registered ({departedOn})',
  },
  // refusals
  'refusals.unusuallyMany': {
    nl: '{count} afwijzingen op één dag is ongewoon veel',
    en: '{count} refusals on one day is unusually many',
  },
  // waitingList
  'waitingList.unusuallyLong': {
    nl: 'een wachtlijst van {size} is ongewoon lang',
    en: 'a waiting list of {size} is unusually long',
  },
  // account
  'account.scopeRequired': {
    nl: 'de rol {role} hoort bij een hospice of regio',
    en: 'the role {role} goes with a hospice or region',
  },
  'account.scopeNotAllowed': {
    nl: 'de rol {role} hoort niet bij een hospice of regio',
    en: 'the role {role} does not go with a hospice or region',
  },
  'account.unknownHospice': {
    nl: 'onbekende hospice',
    en: 'unknown hospice',
  },
  'account.unknownRegion': {
    nl: 'onbekende zorgkantoorregio {region}',
    en: 'unknown zorgkantoorregio {region}',
  },
  'account.emailInUse': {
    nl: 'er is al een account met dit e-mailadres',
    en: 'an account with this e-mail address exists',
  },
  'account.passwordTooShort': {
    nl: 'moet minstens {limit} tekens hebben',
    en: 'must have at least {limit} characters',
  },
  'account.resetLinkInvalid': {
    nl: 'de link is ongeldig, al gebruikt of verlopen',
    en: 'the link is invalid, used or expired',
  },
  // scenario
  'scenario.unknown': {
    nl: 'onbekend scenario {id}',
    en: 'unknown scenario {id}',
  },
  'scenario.idTaken': {
    nl: '{id} is al in gebruik; kies een andere naam',
    en: '{id} is taken; choose another name',
  },
  // return
  'return.monthInFuture': {
    nl: 'mag niet in de toekomst liggen (deze maand is {thisMonth})',
    en: 'must not be in the future (this month is {thisMonth})',
  },
  'return.monthNotOver': {
    nl: '{month} is nog niet voorbij',
    en: '{month} is not over yet',
  },
  'return.notOpenInMonth': {
    nl: 'de hospice was in {month} niet geregistreerd en open',
    en: 'the hospice was not registered and open in {month}',
  },
  'return.aboveLicensedBeds': {
    nl: 'mag niet meer zijn dan de vergunde bedden ({licensed})',
    en: 'must not exceed the licensed beds ({licensed})',
  },
  'return.flowUnbalanced': {
    nl: 'de aantallen sluiten niet: {start} aan het begin + {admissions} opnames − {departures} vertrekken = {expected}, niet {end}',
    en: 'the flow does not balance: {start} at the start + {admissions} admissions − {departures} departures = {expected}, not {end}',
  },
  'return.aboveLicensedBedDays': {
    nl: 'mag niet meer zijn dan de vergunde ligdagen van de maand ({available})',
    en: 'must not exceed the licensed bed-days of the month ({available})',
  },
  'return.staysWithoutDepartures': {
    nl: 'moet 0 of leeg zijn als er niemand is vertrokken',
    en: 'must be 0 or empty when nobody departed',
  },
  'return.meanStayUnusuallyLong': {
    nl: 'een gemiddeld verblijf van {days} dagen is ongewoon lang (meer dan {limit})',
    en: 'a mean stay of {days} days is unusually long (over {limit})',
  },
  'return.refusalsUnusuallyMany': {
    nl: '{count} weigeringen in één maand is ongewoon veel',
    en: '{count} refusals in one month is unusually many',
  },
  'return.unknownHospice': {
    nl: 'onbekende hospice {hospice}',
    en: 'unknown hospice {hospice}',
  },
  'return.hospiceNotAllowed': {
    nl: 'niet toegestaan voor hospice {hospice}',
    en: 'not allowed for hospice {hospice}',
  },
  'return.duplicateMonth': {
    nl: 'een tweede opgave voor {month}',
    en: 'a second return for {month}',
  },
  'return.startNotPreviousEnd': {
    nl: 'moet gelijk zijn aan {expected}, de bezette bedden aan het eind van {month}',
    en: 'must equal {expected}, the occupied beds at the end of {month}',
  },
  // calculator
  'calculator.requiredWith': {
    nl: 'is verplicht bij {condition}',
    en: 'is required with {condition}',
  },
  'calculator.notWith': {
    nl: 'hoort niet bij {condition}',
    en: 'does not go with {condition}',
  },
  'calculator.oneOf': {
    nl: 'geef een van {fields}',
    en: 'give one of {fields}',
  },
  'calculator.notBoth': {
    nl: 'geef een van {fields}, niet beide',
    en: 'give one of {fields}, not both',
  },
  'calculator.occupancyAboveOne': {
    nl: 'gasten × verblijfsduur is {used} ligdagen, meer dan de {available} die er waren',
    en: 'guests × stay is {used} bed-days, more than the {available} there were',
  },
  'calculator.loadTooLarge': {
    nl: 'opnames × verblijfsduur ÷ 365 is {load} erlang, meer dan {limit}',
    en: 'admissions × stay ÷ 365 is {load} erlangs, more than {limit}',
  },
  'calculator.toBelowFrom': {
    nl: 'mag niet lager zijn dan het eerste punt ({from})',
    en: 'must not be below the first point ({from})',
  },
  'calculator.curveTooLong': {
    nl: 'de curve mag hoogstens {limit} punten hebben (vanaf {from})',
    en: 'the curve may have at most {limit} points (from {from})',
  },
  'calculator.weightsLength': {
    nl: 'geef één gewicht per verblijfsduur ({expected}), niet {got}',
    en: 'give one weight per stay ({expected}), not {got}',
  },
  'calculator.weightsAllZero': {
    nl: 'minstens één gewicht moet groter zijn dan 0',
    en: 'at least one weight must be above 0',
  },
  'calculator.tooManyBedDays': {
    nl: 'de simulatie is te groot: {requested} gesimuleerde beddagen, hoogstens {limit}; vraag minder dagen, replicaties of bedden',
    en: 'the simulation is too large: {requested} simulated bed-days, at most {limit}; ask for fewer days, replications or beds',
  },
  'calculator.tooManyRequests': {
    nl: 'de simulatie is te groot: {requested} gesimuleerde aanvragen, hoogstens {limit}; vraag minder dagen of replicaties',
    en: 'the simulation is too large: {requested} simulated requests, at most {limit}; ask for fewer days or replications',
  },
  // viability
  'viability.underNotBelowOver': {
    nl: 'moet lager zijn dan de drempel voor overbezetting ({over})',
    en: 'must be below the over-occupancy threshold ({over})',
  },
  // finder
  'finder.placeUnknown': {
    nl: 'onbekende plaats “{near}”; zoek op postcode, plaatsnaam of breedte,lengte',
    en: 'unknown place “{near}”; search by postcode, place name or latitude,longitude',
  },
  'finder.placeAmbiguous': {
    nl: '“{near}” is de naam van plaatsen in meer dan één gemeente; kies er een',
    en: '“{near}” is the name of places in more than one municipality; choose one',
  },
  'finder.postcodeUnknown': {
    nl: 'onbekende postcode {pc4}',
    en: 'unknown postcode {pc4}',
  },
  'finder.postcodesMissing': {
    nl: 'postcodes zijn op deze server (nog) niet geladen; zoek op plaatsnaam',
    en: 'postcodes are not loaded on this server (yet); search by place name',
  },
  'finder.outsideNetherlands': {
    nl: '{near} ligt niet in Nederland',
    en: '{near} is not in the Netherlands',
  },
  // alert
  'alert.noteEmpty': {
    nl: 'schrijf een korte notitie',
    en: 'write a short note',
  },
  'alert.followUpInPast': {
    nl: 'kies vandaag of een latere datum',
    en: 'choose today or a later date',
  },
  'alert.hospiceNotInRegion': {
    nl: 'dit hospice hoort niet bij {region}',
    en: 'this hospice is not in {region}',
  },
  // regional bed plans
  'plan.openHasHospice': {
    nl: 'een nieuwe locatie heeft nog geen hospice; geef de naam van de locatie',
    en: 'a new location has no hospice yet; give the name of the location',
  },
  'plan.locationMissing': {
    nl: 'geef de naam van de geplande nieuwe locatie',
    en: 'name the planned new location',
  },
  'plan.hospiceOrLocation': {
    nl: 'noem een bestaand hospice of een geplande locatie, niet allebei en niet geen van beide',
    en: 'name either an existing hospice or a planned location, not both or neither',
  },
  'plan.invalidDate': {
    nl: 'geen geldige kalenderdatum',
    en: 'not a valid calendar date',
  },
  'plan.hospiceNotInRegion': {
    nl: 'dit hospice hoort niet bij deze regio',
    en: 'this hospice is not in this region',
  },
  'plan.versionMoved': {
    nl: 'het plan is intussen gewijzigd (nu versie {version}); laad het opnieuw en probeer het nog eens',
    en: 'the plan was changed meanwhile (now version {version}); reload and try again',
  },
  'transformation.dateInFuture': {
    nl: 'deze datum ligt na vandaag',
    en: 'this date is after today',
  },
  'transformation.datesOutOfOrder': {
    nl: 'de datums staan niet in volgorde: begonnen, ingediend, goedgekeurd',
    en: 'the dates are out of order: started, submitted, approved',
  },
  'transformation.linkNotHttps': {
    nl: 'geef een https-adres van het plan',
    en: 'give an https address of the plan',
  },
  // statistics
  'statistics.suppressed': {
    nl: 'onderdrukt: minder dan 5, berekend uit minder dan 5, of verborgen omdat zo’n klein aantal er anders uit terug te rekenen is. Zo kleine aantallen kunnen naar een persoon wijzen; alleen wie de registraties van deze voorziening of regio mag inzien, ziet ze',
    en: 'suppressed: fewer than 5, computed from fewer than 5, or hidden because such a small count could otherwise be worked out from it. Counts that small could point at a person; only those who may read the registrations of this facility or region see them',
  },
} as const;
