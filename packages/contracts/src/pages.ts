// The web app's pages, by name. The server answers each path with the app (and 404 when the thing
// a path names does not exist); the app routes on the same table.

export const PAGES = {
  overview: '/',
  region: '/regio/:code',
  hospice: '/hospice/:id',
  beds: '/bedden',
  scenario: '/scenario',
  signIn: '/aanmelden',
  passwordForgotten: '/wachtwoord-vergeten',
  passwordReset: '/wachtwoord-herstellen',
  audit: '/beheer/auditlog',
  myHospices: '/mijn-hospices',
  accessibility: '/toegankelijkheid',
  privacy: '/privacy',
  sources: '/bronnen',
  contact: '/contact',
  plans: '/plannen',
  report: '/regio/:code/rapport',
  openData: '/open-data',
  organisation: '/organisatie',
} as const;
export type PageName = keyof typeof PAGES;

export const PAGE_PATHS: readonly string[] = Object.values(PAGES);

/** A page the path shows, with its parameters (`/regio/ZK23` → region {code: 'ZK23'}). */
export interface PageMatch {
  page: PageName;
  params: Readonly<Record<string, string>>;
}

/**
 * The page of a path, trailing slashes ignored (as the server does); undefined for no page. A
 * parameter is one non-empty path segment.
 */
export function matchPage(pathname: string): PageMatch | undefined {
  const parts = pathSegments(pathname);
  for (const [page, pattern] of Object.entries(PAGES) as [PageName, string][]) {
    const expected = pathSegments(pattern);
    if (expected.length !== parts.length) {
      continue;
    }
    const params: Record<string, string> = {};
    const matches = expected.every((segment, i) => {
      const actual = parts[i]!;
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeSegment(actual);
        return actual !== '';
      }
      return segment === actual;
    });
    if (matches) {
      return { page, params };
    }
  }
  return undefined;
}

/** The path of a page with its parameters filled in. */
export function pagePath(page: PageName, params: Readonly<Record<string, string>> = {}): string {
  return PAGES[page].replace(/:([a-z]+)/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

function pathSegments(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.slice(1).split('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
