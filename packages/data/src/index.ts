// Cross-cutting: errors, dates, CSV cells and the personal-data screen of free text.
export { AppError, ERROR_CODES, formatIssues, type ErrorCode, type Issue } from './errors';
export { addDays, dutchDate } from './dates';
export { neutraliseCell, restoreCell, writeCsv } from './csv-cells';
export {
  BIRTH_DATE_YEARS_BACK,
  NOT_A_NAME_FIELD,
  findPersonalData,
  passesElevenTest,
  refusePersonalData,
  screenFreeText,
  stringsIn,
  type PersonalDataFinding,
  type PersonalDataKind,
} from './free-text';

// The store: interface, the two implementations (chosen by open-store), schema and migrations.
export { migrateToLatest } from './store/migrate';
export {
  type AgeBand,
  type AlertAcknowledgementTable,
  type ApiTokenTable,
  type AppUserTable,
  type AuditLogTable,
  type AuthLimitTable,
  type BedStatusCurrentTable,
  type BedStatusDayTable,
  type BedStatusEventKind,
  type BedStatusEventTable,
  type CareModel,
  type ClosedReason,
  type Database,
  type DemographicValueTable,
  type DepartureKind,
  type Funding,
  type HospiceActivityTable,
  type HospiceTable,
  type HospiceType,
  type HospiceVersionTable,
  type KeptReportTable,
  type MonthlyReturnTable,
  type PasswordResetTable,
  type PlaceTable,
  type PostcodeTable,
  type RegionPlanVersionTable,
  type RefusalTable,
  type RegionBoundaryTable,
  type RegionMembershipTable,
  type RegionTable,
  type RegionType,
  type Role,
  type RoleAssignmentTable,
  type ScenarioTable,
  type StayOrigin,
  type StayTable,
  type TransformationPlanVersionTable,
  type Umbrella,
  type UserSessionTable,
  type WaitingListReportTable,
} from './store/schema';
export {
  StoreBusyError,
  acquireStoreLock,
  announceStoreUrl,
  readStoreLock,
  releaseStoreLock,
  type StoreLock,
} from './store/store-lock';
export { describeStore, storeConfigFromEnv, type Store, type StoreConfig } from './store/store';
export { openStore } from './store/open-store';
export { TransactionInUseError, inTransaction } from './store/transaction-guard';
export { conflictOfUniqueViolation } from './store/unique-violation';

// The registry: regions, hospices, their CSV exchange and the bundled reference data.
export { boundaryCollection, importBoundaries } from './registry/boundaries.repository';
export {
  HOSPICE_CSV_COLUMNS,
  exportHospices,
  importHospiceCsv,
  parseHospiceCsv,
  toHospiceCsv,
  type ImportSummary,
  type ParsedHospiceRow,
} from './registry/hospice-csv';
export {
  createHospice,
  createHospiceIn,
  patchHospice,
  patchHospiceIn,
  type CreateOptions,
  type PatchResult,
  type WriteContext,
} from './registry/hospices.repository';
export {
  findHospice,
  findHospiceIdByRef,
  formatEtag,
  getHospiceOrThrow,
  hospiceHistory,
  listHospices,
  registryEtag,
  type HospiceQuery,
  type RegistryEtag,
} from './registry/hospice-reads';
export { HOSPICE_FIELDS, normaliseCreate, type HospiceValues } from './registry/hospice-values';
export {
  BUNDLED_BOUNDARIES,
  BUNDLED_POSTCODES,
  ensureReferenceData,
} from './registry/reference-data';
export {
  divisionOn,
  findRegion,
  getRegionOrThrow,
  listRegions,
  memberGemeenten,
  mergeGemeenten,
  moveGemeente,
  parentsOf,
  seedDivision,
  zorgkantoorregioOfGemeente,
  type RegionSeedRow,
  type RegionSummary,
} from './registry/regions.repository';

// Demography: population, CBS figures, the reference demography and the model's inputs.
export { importCbsTable } from './demography/demographics.repository';
export { cachedModelInputs, modelInputs, modelInputsFingerprint } from './demography/model-inputs';
export {
  MIN_REPORTED_COVERAGE,
  MIN_REPORTED_MONTHS,
  MIN_REPORTED_STAYS,
  reportedActivity,
  type ReportedActivity,
} from './demography/observed-activity';
export {
  bedsByRegion,
  populationByRegion,
  type RegionPopulation,
} from './demography/population.repository';
export {
  AGE_GROUPS_5,
  demographySources,
  nationalBands,
  nationalBandsSource,
  referenceDemography,
  referenceDemographyModel,
  type ReferenceDemography,
  type RegionalReference,
} from './demography/reference-demography';

// Data collection: bed status, stays, monthly returns, statistics and the bed finder.
export { distanceKm, findAvailableBeds, resolveOrigin, type Origin } from './collection/bed-finder';
export {
  BED_STATUS_CHANNEL,
  auditViewOfEvent,
  bedStatusHorizon,
  checkBedStatus,
  confirmBedStatus,
  followOccupancy,
  setBedStatus,
  type BedStatusWrite,
  type BedStatusWriteOptions,
} from './collection/bed-status.repository';
export {
  currentBedStatusEvents,
  getBedStatus,
  latestBedStatusEventId,
  listBedStatusEvents,
  regionBedStatus,
  toBedStatus,
  toBedStatusEvent,
} from './collection/bed-status-reads';
// The figures are computed in the model; the names stay available here for existing callers.
export { computeFigures, median } from '@palliamonitor/model';
export {
  DEFAULT_FRESHNESS_HOURS,
  dutchDayEnd,
  dutchMidnight,
  freshUntil,
  freshnessHoursFromEnv,
  isFresh,
} from './collection/freshness';
export { importPostcodes } from './collection/postcodes';
export { RETURN_CSV_COLUMNS, parseReturnsCsv, submitReturnsCsv } from './collection/returns-csv';
export { derivedMonth } from './collection/return-differences';
export {
  RETURN_VALUE_COLUMNS,
  ROWS_PER_TURN,
  getReturnMonth,
  listReturns,
  submitReturns,
  toMonthlyReturn,
  yieldToEventLoop,
  type ReturnsSummary,
} from './collection/returns.repository';
export { RETURN_FIELDS, monthBounds, type ReturnInput } from './collection/return-rules';
export { STATISTICS_CSV_COLUMNS, statisticsToCsv } from './collection/statistics-csv';
export { isSuppressed, publishStatistics } from './collection/statistics-suppression';
export {
  NATIONAL_CODE,
  getStatistics,
  type ComputedStatistics,
  statisticsRange,
  type StatisticsQuery,
  type StatisticsScope,
} from './collection/statistics.repository';
export { admitGuest, departGuest, listStays, toStay } from './collection/stays.repository';
export {
  LONG_STAY_DAYS,
  daysBetween,
  type MovementOptions,
  type MovementWrite,
  type MovementResult,
} from './collection/movement-rules';
export {
  latestWaitingList,
  recordRefusal,
  reportWaitingList,
} from './collection/waiting-list.repository';

// Accounts: users, sessions, tokens, limits, audit and alert acknowledgements.
export {
  RESET_MINUTES,
  ROLES,
  SESSION_IDLE_HOURS,
  SESSION_MAX_DAYS,
  authenticate,
  createPasswordReset,
  createSession,
  createUser,
  deleteSession,
  emailActor,
  findSession,
  getUser,
  listUsers,
  resetPassword,
  userActor,
  userRole,
  type AuditRequest,
  type RoleGrant,
  type UserSummary,
} from './accounts/accounts.repository';
export {
  acknowledgeAlert,
  listAlertAcknowledgements,
  type AlertAcknowledgement,
  type AlertAcknowledgementInput,
} from './accounts/alert-acknowledgements.repository';
export {
  appendAudit,
  auditJson,
  auditToCsv,
  listAudit,
  regionOfHospice,
  storableText,
  withAudit,
  type AuditContext,
} from './accounts/audit.repository';
export { DEMO_PASSWORD, seedDemoAccounts } from './accounts/demo-accounts';
export {
  addToWindow,
  clearLimits,
  limitKey,
  readLimits,
  recordFailures,
  type LimitCount,
} from './accounts/limits.repository';
export { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './accounts/passwords';
export {
  createApiToken,
  findApiToken,
  listApiTokens,
  revokeApiToken,
  verifyApiToken,
} from './accounts/tokens.repository';

// Forecasts, costs and scenarios: the model's answers with their provenance.
export { runCost, type CostAnswer } from './forecast/cost.service';
export {
  factsFor,
  forecastInputs,
  markObserved,
  observedDeaths,
  registryFacts,
  type AnsweredRow,
  type ForecastInput,
  type Provenance,
  type RegistryFacts,
} from './forecast/forecast-provenance';
export {
  answerForecast,
  forecastAllRegions,
  forecastToCsv,
  runCapacity,
  runForecast,
  type AllRegionsForecast,
  type ForecastAnswer,
  type ForecastValue,
} from './forecast/forecast.service';
export {
  WITHHELD_TEXT,
  compareScenarioIds,
  findScenario,
  getScenarioOrThrow,
  listScenarios,
  saveScenario,
  type ScenarioEntry,
} from './forecast/scenarios.repository';

// Calculators: norm, occupancy, Erlang curve, simulation and viability.
export {
  parseParams,
  type ChoiceParam,
  type ListParam,
  type NumberParam,
  type ParamSpec,
  type ParamSpecs,
  type Parsed,
} from './calculators/params';
export { CALCULATORS, type Calculator } from './calculators/calculators';
export {
  COVID_YEARS,
  SIMULATION_LIMITS,
  deathsSeasonalProfile,
  type SimulationAnswer,
} from './calculators/simulation.service';
export {
  getViability,
  publishViability,
  lastTwelveMonths,
  viabilityThresholds,
  type ViabilityAnswer,
} from './calculators/viability.service';

// Regional bed plans: versions of the agreement, and the plan against the need per year.
export {
  currentRegionPlan,
  currentRegionPlans,
  differencesOf,
  listRegionPlanVersions,
  saveRegionPlan,
  type StoredPlan,
} from './plans/plans.repository';
export {
  PLAN_DEFAULT_DRAWS,
  planVersusNeed,
  plansToCsv,
  plansVersusNeed,
  serviceLevelOf,
  type PlanNeedOptions,
} from './plans/plan-vs-need.service';

export {
  currentTransformationPlan,
  currentTransformationPlans,
  listTransformationVersions,
  noTransformationPlan,
  saveTransformationPlan,
  type StoredTransformationPlan,
} from './plans/transformation.repository';

export { groupFacilities, organisationOf } from './registry/organisation.service';

// Open data: the published datasets, their CSV, and the DCAT-AP-NL catalogue.
export {
  MONTHS_PUBLISHED,
  OPEN_DATA_LICENSE,
  openDataModified,
  openDataPeriods,
  openHospices,
  openRegionMonths,
  publishedMonths,
  suppressSmallCounts,
} from './open-data/open-data.service';
export {
  OPEN_HOSPICE_CSV_COLUMNS,
  REGION_MONTH_CSV_COLUMNS,
  hospicesToCsv,
  regionMonthsToCsv,
} from './open-data/open-data-csv';
export { openDataCatalogue, type CatalogueInput } from './open-data/catalogue';

// Importers: the cell check every CSV importer applies.
export { textIssue } from './importers/text';

// Synthetic demo data.
export { seedDemoActivity } from './demo/demo-activity';
export { DEMO_ACTOR, seedDemoData, seedDemoRegistry } from './demo/demo-seed';

// The regional report: one model of figures for the page and the PDF, and the kept monthly ones.
export {
  buildKeptReport,
  buildRegionReport,
  sumPlanYears,
  type KeptReport,
  type ReportOptions,
} from './reports/report.service';
export {
  findKeptReport,
  keepReport,
  listKeptReports,
  regionsWithKeptReport,
  type KeptReportEntry,
} from './reports/kept-reports.repository';
// Reporting completeness and reminders.
export {
  MINIMUM_CONFIRMED_SHARE,
  RETURN_DUE_DAY,
  completenessWindows,
  regionCompleteness,
} from './collection/completeness';
export {
  claimReminder,
  getReminderPreference,
  releaseReminder,
  reminderRecipients,
  reminderSettings,
  setReminderPreference,
  staleFacilities,
  type ReminderKind,
  type ReminderLanguage,
  type ReminderRecipient,
  type StaleFacility,
} from './accounts/reminders.repository';
