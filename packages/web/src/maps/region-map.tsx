import { useId, useMemo } from 'react';
import { Link } from '../router';
import { useI18n } from '../i18n/i18n';
import { NO_DATA, textColorOn, type ColorScale } from '../lib/color-scale';
import { GRID_COLUMNS, GRID_ROWS, TILE_GRID, tileOrder } from './tile-grid';
import { boundsOf, fitProjection, labelPoint, pathOf, ringsOf, type Feature } from './projection';

export interface MapRegion {
  code: string;
  name: string;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
  year?: number;
}

/** The region code of a boundary feature, whatever the importer called the property. */
export function featureCode(feature: Feature): string | null {
  const p = feature.properties ?? {};
  const code = p['code'] ?? p['statcode'] ?? p['regionCode'];
  return typeof code === 'string' ? code : null;
}

interface MapProps {
  regions: readonly MapRegion[];
  values: ReadonlyMap<string, number | null>;
  scale: ColorScale;
  indicator: string;
  formatValue: (value: number | null) => string;
  hrefFor: (code: string) => string;
  boundaries: FeatureCollection | null;
  /** Regions whose value is a small count the reader may not see: "<5", as in the table. */
  suppressed?: ReadonlySet<string>;
}

/** A region's value as the map reads it out. */
function valueText(
  { formatValue, suppressed }: Pick<MapProps, 'formatValue' | 'suppressed'>,
  code: string,
  value: number | null,
): string {
  return suppressed?.has(code) ? '<5' : formatValue(value);
}

/**
 * Map of the zorgkantoorregio's coloured by an indicator: a choropleth when official boundaries are
 * imported, else the tile grid. Each region is one link (one tab stop) named "region: indicator value".
 */
export function RegionMap(props: MapProps) {
  return props.boundaries !== null && props.boundaries.features.length > 0 ? (
    <Choropleth {...props} boundaries={props.boundaries} />
  ) : (
    <TileMap {...props} />
  );
}

function TileMap(props: MapProps) {
  const { regions, values, scale, indicator, hrefFor } = props;
  const { t } = useI18n();
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const ordered = tileOrder(regions.map((r) => r.code)).filter((c) => TILE_GRID[c] !== undefined);
  const afterMap = useId();
  return (
    <div>
      <a className="skip-past" href={`#${afterMap}`}>
        {t('map.skip')}
      </a>
      <nav className="tile-map" aria-label={t('map.label', { indicator })} data-testid="region-map">
        <ol
          className="tile-map__grid"
          style={{
            gridTemplateColumns: `repeat(${GRID_COLUMNS}, 1fr)`,
            gridTemplateRows: `repeat(${GRID_ROWS}, auto)`,
          }}
        >
          {ordered.map((code) => {
            const tile = TILE_GRID[code]!;
            const region = byCode.get(code)!;
            const value = values.get(code) ?? null;
            const background = scale.colorOf(value);
            return (
              <li key={code} style={{ gridColumn: tile.col + 1, gridRow: tile.row + 1 }}>
                <Link
                  href={hrefFor(code)}
                  className={`tile${value === null ? ' tile--no-data' : ''}`}
                  style={{ background, color: textColorOn(background) }}
                  data-code={code}
                >
                  {/* The name is the tile's text (no aria-label), so what a speech-input user reads
                    on the tile and what a screen reader announces cannot disagree. */}
                  <span className="tile__short" aria-hidden="true">
                    {tile.short}
                  </span>
                  <span className="visually-hidden">{`${region.name}: ${indicator} `}</span>
                  <span className="tile__value">{valueText(props, code, value)}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
      <details className="tile-key" id={afterMap} tabIndex={-1}>
        <summary>{t('map.codesTitle')}</summary>
        <dl data-testid="tile-key">
          {ordered.map((code) => (
            <div key={code}>
              <dt>{TILE_GRID[code]!.short}</dt>
              <dd>{byCode.get(code)!.name}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

function Choropleth(props: MapProps & { boundaries: FeatureCollection }) {
  const { regions, values, scale, indicator, hrefFor, boundaries } = props;
  const { t } = useI18n();
  const names = new Map(regions.map((r) => [r.code, r.name]));
  const afterMap = useId();
  const drawn = useMemo(() => {
    const bounds = boundsOf(boundaries.features.flatMap((f) => ringsOf(f.geometry).flat()));
    if (bounds === null) {
      return null;
    }
    const projection = fitProjection(bounds, 400, 4);
    return {
      projection,
      features: boundaries.features
        .map((f) => ({
          code: featureCode(f),
          d: pathOf(f.geometry, projection),
          label: labelPoint(f.geometry),
        }))
        .filter(
          (f): f is { code: string; d: string; label: ReturnType<typeof labelPoint> } =>
            f.code !== null,
        ),
    };
  }, [boundaries]);
  if (drawn === null) {
    return null;
  }
  const features = [...drawn.features].sort((a, b) => {
    // Tab order north to south, then west to east, as a sighted user reads the map.
    const pa = a.label ?? [0, 0];
    const pb = b.label ?? [0, 0];
    return Math.round((pb[1] - pa[1]) * 4) || pa[0] - pb[0];
  });
  return (
    <div>
      <a className="skip-past" href={`#${afterMap}`}>
        {t('map.skip')}
      </a>
      <nav
        className="choropleth"
        aria-label={t('map.label', { indicator })}
        data-testid="region-map"
      >
        <svg
          viewBox={`0 0 ${drawn.projection.width} ${drawn.projection.height}`}
          className="choropleth__svg"
        >
          {features.map((f) => {
            const value = values.get(f.code) ?? null;
            return (
              <Link
                key={f.code}
                href={hrefFor(f.code)}
                aria-label={`${names.get(f.code) ?? f.code}: ${indicator} ${valueText(props, f.code, value)}`}
                data-code={f.code}
                className="choropleth__region"
              >
                <path d={f.d} fill={value === null ? NO_DATA : scale.colorOf(value)} />
              </Link>
            );
          })}
        </svg>
      </nav>
      <span id={afterMap} tabIndex={-1} />
    </div>
  );
}

/** The key to a map's colours: the same indicator, scale and format as the map it explains. */
export function MapLegend({
  scale,
  indicator,
  formatValue,
}: Pick<MapProps, 'scale' | 'indicator' | 'formatValue'>) {
  const { t } = useI18n();
  // One value for every region (all zero, say) is said as such, not as "0 and more"; the last class
  // ends at the highest value, so it is a closed range too.
  const legendText = (c: ColorScale['classes'][number], isLast: boolean) =>
    c.from === c.to
      ? t('legend.all', { value: formatValue(c.from) })
      : t(isLast ? 'legend.rangeClosed' : 'legend.range', {
          from: formatValue(c.from),
          to: formatValue(c.to),
        });
  return (
    <div className="legend" data-testid="map-legend">
      <p className="legend__title">{indicator}</p>
      <ul>
        {scale.classes.map((c, i) => (
          <li key={c.color + String(i)}>
            <span className="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {legendText(c, i === scale.classes.length - 1)}
          </li>
        ))}
        <li>
          <span className="legend__swatch legend__swatch--none" aria-hidden="true" />
          {t('legend.noData')}
        </li>
      </ul>
    </div>
  );
}
