import type { Band } from './statistics';

// A region's bed plan set against the need the capacity engine computes: how many beds the plan
// gives in each year, and whether that falls short of the need or overshoots it.

export type BedPlanStatus = 'idea' | 'planned' | 'agreed' | 'done';
export type BedPlanKind = 'open' | 'expand' | 'shrink' | 'close';

export interface BedPlanChange {
  readonly kind: BedPlanKind;
  readonly beds: number;
  /** ISO date from which the change holds. */
  readonly effectiveOn: string;
  readonly status: BedPlanStatus;
}

export interface BedPlanYear {
  readonly year: number;
  readonly currentBeds: number;
  readonly plannedBeds: number;
  readonly agreedBeds: number;
  readonly targetBeds: number | null;
  readonly bedsNeeded: Band;
  /** plannedBeds − bedsNeeded.p50. */
  readonly difference: number;
  readonly verdict: 'short' | 'within' | 'over';
}

const PLANNED: ReadonlySet<BedPlanStatus> = new Set(['planned', 'agreed', 'done']);
const AGREED: ReadonlySet<BedPlanStatus> = new Set(['agreed', 'done']);

function signed(change: BedPlanChange): number {
  return change.kind === 'open' || change.kind === 'expand' ? change.beds : -change.beds;
}

/**
 * Beds in `year` when the changes with one of `statuses` hold: today's beds plus every such change
 * taking effect after `today` and no later than the end of `year` (a change dated within a year
 * counts for that whole year: plans are made per year). Changes dated today or earlier are taken to
 * be in today's registry already, so they are not counted twice. Never below 0.
 */
export function bedsInYear(
  currentBeds: number,
  changes: readonly BedPlanChange[],
  year: number,
  today: string,
  statuses: ReadonlySet<BedPlanStatus>,
): number {
  let beds = currentBeds;
  for (const change of changes) {
    if (
      statuses.has(change.status) &&
      change.effectiveOn > today &&
      Number(change.effectiveOn.slice(0, 4)) <= year
    ) {
      beds += signed(change);
    }
  }
  return Math.max(0, beds);
}

/**
 * The plan against the need, per year. `need` gives the beds needed per year with its band (the
 * Erlang B capacity of the forecast at the chosen service level). Verdict: 'short' when the planned
 * beds are below the band's p10 (fewer than even the low need), 'over' above its p90, otherwise
 * 'within'. Ideas are shown with the plan but counted in neither planned nor agreed beds.
 */
export function planAgainstNeed(input: {
  readonly currentBeds: number;
  readonly changes: readonly BedPlanChange[];
  readonly targets: readonly { readonly year: number; readonly beds: number }[];
  readonly need: readonly { readonly year: number; readonly bedsNeeded: Band }[];
  readonly today: string;
}): BedPlanYear[] {
  const targets = new Map(input.targets.map((t) => [t.year, t.beds]));
  return input.need.map(({ year, bedsNeeded }) => {
    const plannedBeds = bedsInYear(input.currentBeds, input.changes, year, input.today, PLANNED);
    return {
      year,
      currentBeds: input.currentBeds,
      plannedBeds,
      agreedBeds: bedsInYear(input.currentBeds, input.changes, year, input.today, AGREED),
      targetBeds: targets.get(year) ?? null,
      bedsNeeded,
      difference: plannedBeds - bedsNeeded.p50,
      verdict:
        plannedBeds < bedsNeeded.p10 ? 'short' : plannedBeds > bedsNeeded.p90 ? 'over' : 'within',
    };
  });
}
