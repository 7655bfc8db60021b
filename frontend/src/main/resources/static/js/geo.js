// Plane geometry for the bundled base layer. Points are projected to kilometres around a reference latitude,
// which is accurate enough over a region the size of a co-operative (a few hundred km).

const KM_PER_DEGREE_LAT = 110.574;

export function projector(referenceLat) {
  const kmPerDegreeLon = 111.32 * Math.cos(referenceLat * Math.PI / 180);
  return {
    toKm: ([lat, lon]) => [lon * kmPerDegreeLon, lat * KM_PER_DEGREE_LAT],
    toLatLon: ([x, y]) => [y / KM_PER_DEGREE_LAT, x / kmPerDegreeLon]
  };
}

/** A regular polygon approximating a circle of radiusKm around centre (both in km). */
export function circlePolygon([cx, cy], radiusKm, sides = 36) {
  const points = [];
  for (let i = 0; i < sides; i++) {
    const angle = 2 * Math.PI * i / sides;
    points.push([cx + radiusKm * Math.cos(angle), cy + radiusKm * Math.sin(angle)]);
  }
  return points;
}

/** Keeps the part of a convex polygon nearer to `own` than to `other` (Sutherland–Hodgman on the bisector). */
export function clipNearer(polygon, own, other) {
  const normal = [other[0] - own[0], other[1] - own[1]];
  const middle = [(own[0] + other[0]) / 2, (own[1] + other[1]) / 2];
  const side = p => (p[0] - middle[0]) * normal[0] + (p[1] - middle[1]) * normal[1];
  const kept = [];
  for (let i = 0; i < polygon.length; i++) {
    const current = polygon[i];
    const next = polygon[(i + 1) % polygon.length];
    const sc = side(current);
    const sn = side(next);
    if (sc <= 0) kept.push(current);
    if ((sc < 0 && sn > 0) || (sc > 0 && sn < 0)) {
      const t = sc / (sc - sn);
      kept.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  }
  return kept;
}

/**
 * The Voronoi cell of each site, cut to a circle of radiusKm: the area nearer to that site than to any other.
 * Sites are [lat, lon]. Returns, per site, {cell: [[lat, lon]...], edges: [{from, to, neighbour}]} where an
 * edge's neighbour is the index of the site across it, or -1 on the outer (circle) boundary.
 * Quadratic, fine for a few dozen towns.
 */
export function nearestAreaCells(sites, radiusKm) {
  const referenceLat = sites.reduce((sum, s) => sum + s[0], 0) / sites.length;
  const projection = projector(referenceLat);
  const projected = sites.map(projection.toKm);
  return projected.map((own, i) => {
    let cell = circlePolygon(own, radiusKm);
    projected.forEach((other, j) => {
      if (j !== i && cell.length > 0) cell = clipNearer(cell, own, other);
    });
    const edges = cell.map((from, k) => {
      const to = cell[(k + 1) % cell.length];
      return { from: projection.toLatLon(from), to: projection.toLatLon(to),
        neighbour: siteAcross([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2], i, projected) };
    });
    return { cell: cell.map(projection.toLatLon), edges };
  });
}

/** The site as near to an edge's midpoint as its own site is (so the edge is their bisector), or -1. */
function siteAcross(midpoint, ownIndex, projected) {
  const distance = p => Math.hypot(p[0] - midpoint[0], p[1] - midpoint[1]);
  const own = distance(projected[ownIndex]);
  let best = -1;
  projected.forEach((site, j) => {
    if (j !== ownIndex && Math.abs(distance(site) - own) < 1e-6 * Math.max(1, own)) best = j;
  });
  return best;
}

/** Great-circle distance in km. */
export function kilometres([lat1, lon1], [lat2, lon2]) {
  const rad = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * rad / 2) ** 2
    + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin((lon2 - lon1) * rad / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

export const TWENTY_MILES_KM = 32.187;
