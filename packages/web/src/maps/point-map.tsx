import {
  boundsOf,
  fitProjection,
  pathOf,
  ringsOf,
  type Feature,
  type Position,
} from './projection';

export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  /** Short text drawn next to the point (e.g. the place); one per distinct text. */
  caption?: string;
  /** Fill colour; the shape also differs by `shape`, so colour is never the only cue. */
  color: string;
  shape: 'circle' | 'square' | 'diamond';
  emphasis?: boolean;
}

/**
 * Points (hospices, a search origin) on a small map, with the region outline when boundaries are
 * imported. A picture for sighted users; the table next to it carries the same information.
 */
export function PointMap({
  points,
  outline,
  label,
  origin,
  testId,
}: {
  points: readonly MapPoint[];
  outline: Feature | null;
  label: string;
  origin?: { latitude: number; longitude: number; label: string };
  testId?: string;
}) {
  const positions: Position[] = [
    ...points.map((p) => [p.longitude, p.latitude] as const),
    ...(origin === undefined ? [] : [[origin.longitude, origin.latitude] as const]),
    ...(outline === null ? [] : ringsOf(outline.geometry).flat()),
  ];
  const bounds = boundsOf(positions);
  if (bounds === null) {
    return null;
  }
  const projection = fitProjection(bounds, 480, 28);
  // A scale bar of a round number of km, about a fifth of the width (1° latitude ≈ 111 km).
  const kmPerPixel =
    (111.2 * (bounds.maxLat - bounds.minLat || 0.1)) / Math.max(1, projection.height - 56);
  const barKm = [1, 2, 5, 10, 20, 25, 50, 100].find((km) => km / kmPerPixel >= 70) ?? 100;
  const barPx = barKm / kmPerPixel;
  const captioned = new Set<string>();
  return (
    <svg
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      className="point-map"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <rect width={projection.width} height={projection.height} className="point-map__bg" />
      {outline === null ? null : (
        <path d={pathOf(outline.geometry, projection)} className="point-map__outline" />
      )}
      {points.map((p) => {
        const [x, y] = projection.project([p.longitude, p.latitude]);
        const r = p.emphasis === true ? 8 : 6;
        const common = { fill: p.color, className: 'point-map__point' };
        const caption =
          p.caption !== undefined && !captioned.has(p.caption) && points.length <= 30
            ? (captioned.add(p.caption), p.caption)
            : null;
        return (
          <g key={p.id}>
            <title>{p.label}</title>
            {caption === null ? null : (
              <text
                x={x + r + 4}
                y={y}
                dy="0.32em"
                className="point-map__caption"
                textAnchor={x > projection.width - 110 ? 'end' : 'start'}
                dx={x > projection.width - 110 ? -2 * (r + 4) : 0}
              >
                {caption}
              </text>
            )}
            {p.shape === 'circle' ? (
              <circle cx={x} cy={y} r={r} {...common} />
            ) : p.shape === 'square' ? (
              <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...common} />
            ) : (
              <path
                d={`M${x},${y - r - 2}L${x + r + 2},${y}L${x},${y + r + 2}L${x - r - 2},${y}Z`}
                {...common}
              />
            )}
          </g>
        );
      })}
      <g className="point-map__scale" transform={`translate(12, ${projection.height - 12})`}>
        <line x1={0} x2={barPx} y1={0} y2={0} />
        <line x1={0} x2={0} y1={-5} y2={0} />
        <line x1={barPx} x2={barPx} y1={-5} y2={0} />
        <text x={barPx + 6} y={0} dy="0.1em">
          {barKm} km
        </text>
      </g>
      <text x={projection.width - 12} y={18} textAnchor="end" className="point-map__north">
        N ↑
      </text>
      {origin === undefined
        ? null
        : (() => {
            const [x, y] = projection.project([origin.longitude, origin.latitude]);
            return (
              <g className="point-map__origin">
                <title>{origin.label}</title>
                <line x1={x - 9} x2={x + 9} y1={y} y2={y} />
                <line x1={x} x2={x} y1={y - 9} y2={y + 9} />
              </g>
            );
          })()}
    </svg>
  );
}
