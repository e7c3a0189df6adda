// The one place where the API's shapes live. Server, web, data and CLI import from here; this
// package imports nothing of ours (lint enforces the arrow).
export * from './common';
export * from './vocabulary';
export * from './roles';
export * from './pages';
export * from './regions';
export * from './hospice';
export * from './forecast';
export * from './scenarios';
export * from './collection';
export * from './region-indicators';
export * from './messages';
export * from './permissions';
export * from './accounts';
export * from './alerts';
export * from './plans';
export * from './first-views';
export * from './reports';
export * from './completeness';
export * from './movements';
export * from './statistics';
export * from './calculators';
export * from './cost';
export * from './status';
export * from './open-data';
export * from './transformation';
export * from './organisation';
