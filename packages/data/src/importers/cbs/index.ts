export { parseCbsStatline, parseCbsStatlineStream } from './parse';
export type {
  AgeBand,
  CbsMeasure,
  CbsRecord,
  ParseCbsStatlineOptions,
  ProjectionInterval,
  Sex,
} from './tables';
