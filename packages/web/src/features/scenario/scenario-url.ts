// The scenario explorer's state in the URL, so a view can be shared as a link:
// /scenario?s=baseline&aandeel=12&groei=1&ligduur=20&weigering=5&pooling=region&jaar=2040
// Percentages are whole or decimal percent in the URL (readable), shares in the app. Values out of
// range are clamped; unknown or malformed ones are dropped, so a hand-edited link never breaks the page.

import type { PoolingLevel } from '@palliamonitor/model';

export interface ScenarioSettings {
  scenarioId: string;
  /** Hospice share of expected deaths in 2024, 0–1; undefined = the scenario's own path. */
  hospiceShare?: number;
  /** Yearly growth of the hospice share to 2050 (0.01 = +1% a year); undefined = the scenario's. */
  growth?: number;
  /** Mean length of stay in days. */
  lengthOfStay?: number;
  /** Target refusal probability, 0–1. */
  targetRefusal?: number;
  pooling?: PoolingLevel;
  year: number;
}

export const LIMITS = {
  hospiceShare: { min: 0.04, max: 0.2, step: 0.005 },
  growth: { min: -0.02, max: 0.05, step: 0.0025 },
  lengthOfStay: { min: 10, max: 40, step: 1 },
  targetRefusal: { min: 0.01, max: 0.2, step: 0.01 },
  year: { min: 2024, max: 2050, step: 1 },
} as const;

export const DEFAULT_YEAR = 2040;

function clamp(value: number, limit: { min: number; max: number }): number {
  return Math.min(limit.max, Math.max(limit.min, value));
}

function numberParam(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw.trim() === '') {
    return undefined;
  }
  const value = Number(raw.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** Reads the settings from a query string, clamping to the slider ranges. */
export function parseSettings(search: string): ScenarioSettings {
  const params = new URLSearchParams(search);
  const id = params.get('s');
  const settings: ScenarioSettings = {
    scenarioId: id !== null && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? id : 'baseline',
    year: Math.round(clamp(numberParam(params, 'jaar') ?? DEFAULT_YEAR, LIMITS.year)),
  };
  const share = numberParam(params, 'aandeel');
  if (share !== undefined) {
    settings.hospiceShare = clamp(share / 100, LIMITS.hospiceShare);
  }
  const growth = numberParam(params, 'groei');
  if (growth !== undefined) {
    settings.growth = clamp(growth / 100, LIMITS.growth);
  }
  const los = numberParam(params, 'ligduur');
  if (los !== undefined) {
    settings.lengthOfStay = clamp(los, LIMITS.lengthOfStay);
  }
  const target = numberParam(params, 'weigering');
  if (target !== undefined) {
    settings.targetRefusal = clamp(target / 100, LIMITS.targetRefusal);
  }
  const pooling = params.get('pooling');
  if (pooling === 'hospice' || pooling === 'cluster' || pooling === 'region') {
    settings.pooling = pooling;
  }
  return settings;
}

/** Rounds away binary noise: 0.12000000000000001 × 100 → 12. */
function percent(share: number): string {
  return String(Math.round(share * 100_000) / 1000);
}

/** Writes the settings as a query string (only what differs from the scenario's own values). */
export function settingsToSearch(settings: ScenarioSettings): URLSearchParams {
  const params = new URLSearchParams();
  params.set('s', settings.scenarioId);
  if (settings.hospiceShare !== undefined) {
    params.set('aandeel', percent(settings.hospiceShare));
  }
  if (settings.growth !== undefined) {
    params.set('groei', percent(settings.growth));
  }
  if (settings.lengthOfStay !== undefined) {
    params.set('ligduur', String(settings.lengthOfStay));
  }
  if (settings.targetRefusal !== undefined) {
    params.set('weigering', percent(settings.targetRefusal));
  }
  if (settings.pooling !== undefined) {
    params.set('pooling', settings.pooling);
  }
  params.set('jaar', String(settings.year));
  return params;
}
