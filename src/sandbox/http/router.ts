/** Method + path routing with `:param` segments; tells 404 (no such path) from 405 (wrong method). */

export type RouteParams = Readonly<Record<string, string>>;

interface Route<H> {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: H;
}

export type RouteMatch<H> =
  | { readonly kind: 'found'; readonly handler: H; readonly params: RouteParams }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, path: string, handler: H): this {
    this.routes.push({ method, segments: split(path), handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> {
    const segments = split(pathname);
    const allowed: string[] = [];
    // Literal routes are registered before parameter routes that could shadow them
    // (`/data-sources/metrics` before `/data-sources/:uuid`), so first match wins.
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (params === undefined) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed: [...new Set(allowed)] } : { kind: 'none' };
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const want = pattern[i] ?? '';
    const got = actual[i] ?? '';
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return undefined; // malformed %-escape: no route can mean it
      }
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}
