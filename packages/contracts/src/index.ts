// The one place where the API's shapes live. Server, web, data and CLI import from here; this
// package imports nothing of ours (lint enforces the arrow).
export * from './common';
export * from './hospice';
export * from './collection';
export * from './region-indicators';
export * from './plans';
