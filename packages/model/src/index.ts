// Public API of @palliamonitor/model: pure functions, no I/O, deterministic for given seeds.

export {
  type ErlangCMetrics,
  type LoadAndBeds,
  carriedLoad,
  erlangB,
  erlangC,
  erlangCMeanWaitDays,
  erlangCMetrics,
  logErlangB,
  logErlangC,
  maxOfferedLoad,
  minBedsForTarget,
  occupancy,
  squareRootStaffingBeds,
  squareRootStaffingBlocking,
  standardNormalCdf,
} from './erlang';
export {
  type LognormalParameters,
  Rng,
  createRng,
  deriveSeed,
  lognormalFromMeanMedian,
  sampleExponential,
  sampleLognormal,
  sampleNormal,
  sampleTriangular,
  sampleUniform,
} from './random';
export { type Band, type Estimate, meanWithCi95, quantileInPlace } from './statistics';
export {
  type HospiceProcess,
  type LengthOfStayDistribution,
  type WaitingListOptions,
  empiricalStay,
} from './simulation-process';
export { type SimulationOptions, type SimulationResult, simulateHospice } from './simulation';
export {
  type DailyTrace,
  type DailyTraceDay,
  type DailyTraceOptions,
  type DepartureKind,
  type DepartureShares,
  type TraceStay,
  DEFAULT_DEPARTURE_SHARES,
  simulateDailyTrace,
} from './daily-trace';
export {
  AGE_BANDS,
  type AgeBand,
  type AgeBands,
  nationalBandRates,
  nationalDeaths,
  nationalDeathsByBand,
  nationalPopulation,
  projectPopulation,
  splitAgeBands,
} from './population';
export {
  BASELINE,
  COMMUNITY_CENTRAL,
  FIRST_YEAR,
  HISTORY_FIRST_YEAR,
  INDIVIDUAL_CENTRAL,
  LAST_YEAR,
  NUMERIC_PARAMETERS,
  POOLING_LEVELS,
  PROFESSIONAL_CENTRAL,
  SCENARIOS,
  UNCERTAIN_PARAMETERS,
  type Basis,
  type MultiplierDistribution,
  type NumericParameter,
  type ParameterPath,
  type PathPoint,
  type PoolingLevel,
  type Scenario,
  type ScenarioParameters,
  type UncertainParameter,
  poolingAt,
  valueAt,
} from './scenarios';
export {
  type ParseScenarioResult,
  type ScenarioDifference,
  type ScenarioIssue,
  compareScenarios,
  parseScenario,
} from './scenario-checks';
export {
  FORECAST_KEYS,
  type EvaluateOptions,
  type ForecastKey,
  type ForecastOptions,
  type ForecastRow,
  type Location,
  type NationForecast,
  type ObservedActivity,
  type RegionInput,
  type UncertaintyOptions,
  forecast,
  forecastDraws,
  forecastNation,
} from './demand';
export { POOLING_RAMP_YEARS, REFERENCE_MORTALITY_IMPROVEMENT, YEAR0 } from './prepare';
export {
  DEFAULT_CLUSTER_RADIUS_KM,
  DEFAULT_CLUSTER_SIZE,
  DEFAULT_HOUSE_BEDS,
  clustersByDistance,
  defaultClusters,
  distanceKm,
} from './pools';
export {
  type CapacityDetail,
  type PoolDetail,
  type PoolingDetail,
  bedsByOccupancyNorm,
  capacity,
  offeredLoadFromRequests,
} from './capacity';
export { nationalCapacity } from './national-capacity';
export {
  type OverviewBeds,
  type OverviewFigures,
  type OverviewPopulation,
  type OverviewRegion,
  overviewFigures,
} from './overview';
export { addDays, dutchDayEnd, dutchMidnight } from './calendar';
export { WAITING_LIST_CARRY_DAYS } from './figures-days';
export { computeFigures, median } from './figures';
export type {
  DailyFigures,
  FiguresInput,
  PeriodFigures,
  ReturnFact,
  ScopeInterval,
  StayDepartureKind,
  StayFact,
} from './figures-types';
export {
  ALL_HOSPICE_BEDS,
  CALIBRATION_YEAR,
  DEFAULT_MULTIPLE_REGISTRATION_SHARE,
  GUEST_COUNTS,
  MEMBER_BEDS,
  REFUSALS_PER_YEAR,
  SHARE_TREND,
  type GuestCount,
  type ShareTrend,
  calibratedShare2024,
  fitShareTrend,
  shareIndex,
  uncensoringFactor,
} from './demand-calibration';
export {
  type CurvePoint,
  type ErlangCurve,
  type NormResult,
  type OccupancyResult,
  type SeasonalProfile,
  type WeeklyCount,
  MAX_CURVE_POINTS,
  defaultCurveRange,
  erlangCurve,
  loadFromAdmissions,
  lognormalMedianFromCv,
  normBeds,
  occupancyFromGuests,
  seasonalProfileFromWeekly,
  sinusoidalSeasonality,
  wholeBedsUp,
} from './calculators';
export {
  type CostBasis,
  type CostFigures,
  type CostInput,
  type Provenance,
  HOSPICE_COST_2024_EUR,
  HOSPICE_GUESTS_2024,
  MEAN_STAY_DAYS,
  costPerBedDay,
  costPerGuest,
  defaultCostInputs,
  yearCost,
} from './cost';
export {
  type ViabilityMonth,
  type ViabilityResult,
  type ViabilitySignal,
  type ViabilityThresholds,
  DEFAULT_VIABILITY_THRESHOLDS,
  VIABILITY_LABELS,
  checkThresholds,
  viability,
} from './viability';
export {
  AGE_COUNT,
  OPEN_AGE,
  SEXES,
  type AgeSexTable,
  type Sex,
  emptyTable,
  hasYear,
  sumAges,
  yearOf,
} from './age-sex';
export {
  COVID_YEARS,
  type LeeCarterFit,
  type LeeCarterOptions,
  type LeeCarterSex,
  fitLeeCarter,
  kStandardDeviation,
  observedRates,
  projectedRates,
} from './lee-carter';
export {
  type CohortAssumptions,
  type NationalProjection,
  type NationalProjectionOptions,
  projectNation,
  totalDeaths,
} from './cohort';
export {
  FIVE_YEAR_GROUPS,
  type RegionalDemography,
  type RegionalDemographyOptions,
  type RegionalSource,
  regionalDemography,
} from './regional-demography';
export {
  DEMOGRAPHY_DEFAULTS,
  type BacktestResult,
  type BacktestYear,
  type RegionalBacktestRow,
  type RegionalBacktestYear,
  type Demography,
  type DemographySources,
  backtest,
  buildDemography,
} from './demography';
export {
  type BedPlanChange,
  type BedPlanKind,
  type BedPlanStatus,
  type BedPlanYear,
  bedsInYear,
  planAgainstNeed,
} from './bed-plan';
