// Dutch interface texts of the frame of every page: navigation, footer, shared words, tables, maps and legends.

export const nlSite = {
  'brand.tagline': 'Vraag en aanbod in de hospicezorg',
  'nav.skip': 'Naar de inhoud',
  'nav.main': 'Hoofdmenu',
  'nav.overview': 'Landelijk overzicht',
  'nav.beds': 'Vrij bed zoeken',
  'nav.scenario': 'Scenario’s',
  'nav.breadcrumb': 'Kruimelpad',
  'footer.about':
    'Palliamonitor volgt vraag en aanbod in de palliatieve terminale zorg, landelijk en per zorgkantoorregio. Geen patiëntgegevens: alleen aantallen.',
  'footer.api': 'Open API (OpenAPI-beschrijving)',
  'footer.sources':
    'Bronnen: CBS (bevolking, CC BY 4.0), CBS / Kadaster-PDOK (gebiedsindelingen, CC BY 4.0), GeoNames (plaatsen en postcodes, CC BY 4.0).',

  'common.or': 'of',
  'common.loading': 'Gegevens worden geladen…',
  'common.error': 'Er ging iets mis.',
  'common.unavailable': 'Nog niet beschikbaar.',
  'common.unavailableBody':
    '{what}: deze gegevens levert de server nog niet. Zodra ze er zijn, verschijnen ze hier vanzelf.',
  'common.showTable': 'Toon als tabel',
  'common.table': 'Tabel',
  'common.legend': 'Legenda',
  'common.beds': 'bedden',

  'demo.title': 'Demogegevens.',
  'demo.body':
    'De {count} hospices in deze omgeving zijn synthetisch: verzonnen voor demonstratie, niet echt. Bevolkingscijfers komen van het CBS.',
  'demo.bodyOne': 'Dit hospice is synthetisch: verzonnen voor demonstratie, niet echt.',
  'demo.badge': 'demo',
  'demo.badgeTitle': 'Synthetische demogegevens, geen echt hospice',

  'figure.facilities': 'Hospicevoorzieningen',
  'figure.licensedBeds': 'Bedden',
  'figure.bedsPer10k65Plus': 'Bedden per 10.000 inwoners van 65+',
  'figure.bedsPer10k65PlusShort': 'Per 10.000 65+',
  'figure.population65Plus': 'Inwoners van 65 jaar en ouder',
  'figure.populationYear': 'CBS, {year}',

  'map.label': 'Kaart van de zorgkantoorregio’s: {indicator}',
  'map.tileNote':
    'Elk vak is één zorgkantoorregio, ongeveer op zijn plek in het land. Officiële grenzen zijn (nog) niet geïmporteerd.',
  'map.boundaryNote': 'Grenzen: CBS/PDOK gebiedsindelingen.',
  'legend.range': '{from} tot {to}',
  'legend.from': '{from} en meer',
  'legend.noData': 'Geen gegevens',

  'table.region': 'Regio',
  'table.hospice': 'Hospice',
  'table.place': 'Plaats',
  'table.type': 'Soort',
  'table.occupancyLastMonth': 'Bezetting laatste maand',
  'table.lastConfirmed': 'Laatst bevestigd',
  'table.refusalsLastMonth': 'Weigeringen laatste maand',

  'type.bth': 'Bijna-thuis-huis',
  'type.hch': 'High care hospice',
  'type.nursing-home-unit': 'Palliatieve unit (verpleeghuis)',
  'type.hospital-unit': 'Hospice-afdeling (ziekenhuis)',
  'type.other': 'Anders',

  'status.unknown': 'onbekend',
  'status.never': 'nooit bevestigd',
  'status.stale': 'verouderd',

  'notFound.title': 'Pagina niet gevonden',
  'notFound.body': 'Deze pagina bestaat niet (meer). Controleer het adres.',
  'notFound.home': 'Naar het landelijk overzicht',

  'nav.audit': 'Auditlog',
  'form.errorTitle': 'Controleer het formulier',
  'who.person': 'een aangemelde gebruiker',
  'who.hospice-system': 'het systeem van de hospice',
  'who.system': 'het systeem',
  'common.retry': 'Opnieuw proberen',
  'live.on': 'Live bijgewerkt',
  'live.off': 'Geen live verbinding.',
  'live.connecting': 'Verbinden…',
  'live.refresh': 'Nu verversen',
  'common.offline': 'Geen verbinding met de server. Controleer uw internetverbinding.',
  'common.serverError':
    'De server kon dit nu niet afhandelen. Probeer het over een paar minuten opnieuw.',
  'nav.mine': 'Mijn hospice',
  'table.freeNow': 'Vrij nu',
  // Pages fast, robust, legible and accessible: the map's skip link and code key, legends for
  // skewed or uniform data, the footer's pages and the headline figures' sources.
  'map.skip': 'Sla de kaart over',
  'map.codesTitle': 'Wat betekenen de afkortingen op de kaart?',
  'legend.all': 'Alle regio’s met gegevens: {value}',
  'legend.rangeClosed': '{from} tot en met {to}',
  'info.accessibility.title': 'Toegankelijkheidsverklaring',
  'info.accessibility.aim':
    'Palliamonitor wil voor iedereen bruikbaar zijn en volgt de Europese norm EN 301 549 en de WCAG 2.1 op niveau AA, zoals de overheid vraagt.',
  'info.accessibility.tested':
    'Elke pagina wordt bij elke wijziging automatisch getest met axe-core, in het Nederlands en het Engels, aangemeld en niet aangemeld, op een telefoon- en een bureaubladscherm. Elke kaart en grafiek heeft een tabel met dezelfde cijfers.',
  'info.accessibility.known':
    'Bekende beperking: de kaart toont regio’s als vakjes met een afkorting; de volledige naam staat in de tabel en in de uitleg onder de kaart.',
  'info.accessibility.report':
    'Loopt u ergens tegenaan? Meld het via de contactpagina; we antwoorden binnen vijf werkdagen.',
  'info.privacy.title': 'Privacyverklaring',
  'info.privacy.noPatients':
    'Palliamonitor verwerkt geen patiëntgegevens: alleen aantallen bedden, opnames, vertrekken, weigeringen en wachtenden. Vrije tekst wordt bij invoer gecontroleerd op namen, geboortedata en BSN’s en geweigerd als die erin lijken te staan.',
  'info.privacy.accounts':
    'Van medewerkers met een account bewaren we naam, e-mailadres en rol, om te weten wie een status bevestigde. Het publiek ziet nooit wie iets deed, alleen wanneer.',
  'info.privacy.cookies':
    'We gebruiken alleen een sessiecookie voor wie zich aanmeldt, en onthouden uw taalkeuze in de browser. Geen volgcookies, geen statistiekdiensten van derden.',
  'info.privacy.rights':
    'U kunt inzage, correctie of verwijdering van uw accountgegevens vragen via de contactpagina.',
  'info.sources.title': 'Bronnen',
  'info.sources.lead':
    'Waar de cijfers vandaan komen. Elke modelparameter staat met zijn bron of als aanname beschreven in de methodeverantwoording.',
  'info.sources.regions':
    'Gebiedsindelingen en grenzen van gemeenten, provincies en zorgkantoorregio’s (2025)',
  'info.sources.population':
    'Bevolking per gemeente en leeftijdsgroep (CBS StatLine 70072ned en 03759ned)',
  'info.sources.deaths': 'Sterfte per regio (CBS StatLine 37259ned)',
  'info.sources.prognosis': 'Regionale bevolkingsprognose (PBL/CBS 85173NED)',
  'info.sources.postcodes': 'Middelpunten van postcodegebieden (PC4) en plaatsnamen',
  'info.sources.registry':
    'Register van hospicevoorzieningen: koepels en netwerken; bedstatus en bewegingen van de hospices zelf',
  'info.sources.demo': 'Demogegevens: synthetisch, overal als zodanig gemarkeerd',
  'info.sources.model':
    'Het capaciteitsmodel (Erlang B naast de bezettingsnorm) en zijn aannames staan in de methodeverantwoording bij de broncode.',
  'info.contact.title': 'Contact',
  'info.contact.lead':
    'Vragen over Palliamonitor, een fout in de cijfers of een probleem met de toegankelijkheid:',
  'info.contact.data':
    'Klopt de status van een hospice niet? Neem contact op met het hospice zelf of met de regisseur van de regio.',
  'figure.about': 'Wat betekent dit?',
  'figure.sourceRegistry': 'Bron: register van hospicevoorzieningen, peildatum {date}.',
  'figure.sourcePopulation': 'Bron: CBS, bevolking op 1 januari {year}.',
  'figure.explainFacilities':
    'Open hospices en bijna-thuis-huizen met een vergunning, inclusief afdelingen in verpleeghuizen.',
  'figure.explainBeds':
    'Het aantal bedden waarvoor een hospice is ingeschreven; niet alle bedden zijn altijd open.',
  'figure.explainBedsPer10k':
    'Vergunde bedden per 10.000 inwoners van 65 jaar en ouder: de leeftijd waarin de meeste mensen overlijden. Hoger = meer plek per inwoner.',
  'figure.explainPopulation':
    'Inwoners van 65 jaar en ouder, de groep waaruit de meeste vraag naar hospicezorg komt.',
  'nav.plans': 'Beddenplannen',
  'footer.openData': 'Open data',
} as const;
