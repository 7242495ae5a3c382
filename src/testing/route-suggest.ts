/** What the suggestion needs of a route: its method and its path pattern (`:name` is any segment). */
export interface RouteShape {
  readonly method: string;
  readonly path: string;
}

const MAX_SUGGESTIONS = 3;
/** No route is nearly this long, so a longer path is no typo (and is not worth the edit distances). */
const MAX_PATH = 300;

/** Edit distance between two strings (insert, delete, substitute: 1 each). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitute, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Cost of a missing or extra segment: a parameter is one edit, a fixed word its length. */
function segmentCost(segment: string): number {
  return segment.startsWith(':') ? 1 : Math.max(1, segment.length);
}

/**
 * Distance between a requested path and a pattern, segment by segment: a parameter matches any
 * segment for free, fixed words by their edit distance, and a missing or extra segment costs
 * {@link segmentCost}.
 */
function pathDistance(requested: readonly string[], pattern: readonly string[]): number {
  let previous = [0];
  for (const p of pattern) previous.push((previous.at(-1) ?? 0) + segmentCost(p));
  for (const segment of requested) {
    const current = [(previous[0] ?? 0) + segmentCost(segment)];
    pattern.forEach((p, j) => {
      const match = p.startsWith(':') ? 0 : editDistance(segment, p);
      current.push(
        Math.min(
          (previous[j] ?? 0) + match,
          (previous[j + 1] ?? 0) + segmentCost(segment),
          (current[j] ?? 0) + segmentCost(p),
        ),
      );
    });
    previous = current;
  }
  return previous[pattern.length] ?? 0;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/**
 * The routes closest to a request the sandbox does not serve: of the routes whose path is within a
 * third of the request's characters (a typo, not a guess), those at the least distance by path plus
 * one for another method; same method first, at most three.
 */
export function closestRoutes<T extends RouteShape>(method: string, path: string, routes: readonly T[]): T[] {
  if (path.length > MAX_PATH) return [];
  const requested = segments(path);
  const limit = Math.max(1, requested.join('').length / 3);
  const near = routes
    .map((route) => ({
      route,
      other: route.method === method ? 0 : 1,
      path: pathDistance(requested, segments(route.path)),
    }))
    .filter((s) => s.path <= limit)
    .map((s) => ({ ...s, cost: s.path + s.other }));
  const best = Math.min(...near.map((s) => s.cost));
  return near
    .filter((s) => s.cost === best)
    .sort((a, b) => a.other - b.other)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.route);
}
