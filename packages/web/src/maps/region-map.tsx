import { useMemo } from 'react';
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

function TileMap({ regions, values, scale, indicator, formatValue, hrefFor }: MapProps) {
  const { t } = useI18n();
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const ordered = tileOrder(regions.map((r) => r.code)).filter((c) => TILE_GRID[c] !== undefined);
  return (
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
                aria-label={`${region.name}: ${indicator} ${formatValue(value)}`}
                data-code={code}
              >
                <span className="tile__short" aria-hidden="true">
                  {tile.short}
                </span>
                <span className="tile__value" aria-hidden="true">
                  {formatValue(value)}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function Choropleth({
  regions,
  values,
  scale,
  indicator,
  formatValue,
  hrefFor,
  boundaries,
}: MapProps & { boundaries: FeatureCollection }) {
  const { t } = useI18n();
  const names = new Map(regions.map((r) => [r.code, r.name]));
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
    <nav className="choropleth" aria-label={t('map.label', { indicator })} data-testid="region-map">
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
              aria-label={`${names.get(f.code) ?? f.code}: ${indicator} ${formatValue(value)}`}
              data-code={f.code}
              className="choropleth__region"
            >
              <path d={f.d} fill={value === null ? NO_DATA : scale.colorOf(value)} />
            </Link>
          );
        })}
      </svg>
    </nav>
  );
}

export function MapLegend({
  scale,
  title,
  formatValue,
}: {
  scale: ColorScale;
  title: string;
  formatValue: (value: number) => string;
}) {
  const { t } = useI18n();
  return (
    <div className="legend" data-testid="map-legend">
      <p className="legend__title">{title}</p>
      <ul>
        {scale.classes.map((c, i) => (
          <li key={c.color + String(i)}>
            <span className="legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {i === scale.classes.length - 1
              ? t('legend.from', { from: formatValue(c.from) })
              : t('legend.range', { from: formatValue(c.from), to: formatValue(c.to) })}
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
