export { parseBoundaries } from './boundaries';
export type {
  BBox,
  BoundariesResult,
  BoundaryLayer,
  BoundaryRegion,
  ParseBoundariesOptions,
} from './boundaries';
export { parseCbsStatline } from './cbs-statline';
export type {
  AgeBand,
  CbsMeasure,
  CbsRecord,
  ParseCbsStatlineOptions,
  ProjectionInterval,
  Sex,
} from './cbs-statline';
export { NETHERLANDS_BBOX, parsePostcodeCentroids, parseWoonplaatsen } from './places';
export type { PostcodeCentroid, Woonplaats } from './places';
export { hasErrors } from './issues';
export type { ImportIssue, ParseResult } from './issues';
export { rdToWgs84 } from './rd-new';
