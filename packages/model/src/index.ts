// Public API of @palliamonitor/model: pure functions, no I/O, deterministic for given seeds.

export { erlangB, minBedsForTarget, occupancy } from './erlang';
export { type Band, type Estimate } from './statistics';
export { type LengthOfStayDistribution, empiricalStay } from './simulation-process';
export { simulateHospice } from './simulation';
export { type DepartureKind, simulateDailyTrace } from './daily-trace';
export { type AgeBand, nationalDeaths, nationalPopulation } from './population';
export {
  BASELINE,
  FIRST_YEAR,
  HISTORY_FIRST_YEAR,
  LAST_YEAR,
  NUMERIC_PARAMETERS,
  SCENARIOS,
  type ParameterPath,
  type PoolingLevel,
  type Scenario,
  poolingAt,
  valueAt,
} from './scenarios';
export { compareScenarios, parseScenario } from './scenario-checks';
export {
  FORECAST_KEYS,
  type ForecastOptions,
  type ForecastRow,
  type Location,
  type ObservedActivity,
  type RegionInput,
  forecast,
  forecastNation,
} from './demand';
export { POOLING_RAMP_YEARS } from './prepare';
export { distanceKm } from './pools';
export { type CapacityDetail, capacity } from './capacity';
export { nationalCapacity } from './national-capacity';
export { overviewFigures } from './overview';
export { addDays, dutchDayEnd, dutchMidnight } from './calendar';
export { WAITING_LIST_CARRY_DAYS } from './figures-days';
export { computeFigures, median } from './figures';
export type {
  DailyFigures,
  FiguresInput,
  PeriodFigures,
  ReturnFact,
  ScopeInterval,
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
} from './demand-calibration';
// The calculators are public as a whole: each export is a planner's calculator or its result.
export * from './calculators';
export {
  type CostFigures,
  type CostInput,
  type Provenance,
  costPerBedDay,
  defaultCostInputs,
  yearCost,
} from './cost';
export {
  type ViabilityMonth,
  type ViabilityResult,
  type ViabilityThresholds,
  DEFAULT_VIABILITY_THRESHOLDS,
  viability,
} from './viability';
export { AGE_COUNT, OPEN_AGE, type AgeSexTable, emptyTable, sumAges, yearOf } from './age-sex';
export { COVID_YEARS } from './lee-carter';
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
export { planAgainstNeed } from './bed-plan';
