// The authorisation policy: every API route, who may call it, from the shared route table.
// Anything not in the table is refused (default deny). The middleware in guard.ts applies it
// before any router.
import { apiRoutes, type ApiRoute, type RouteAccess } from '@vpn-console/shared/api/routes';

/** `public`: no session needed; a role: that role or a higher one. */
type Access = RouteAccess;

export interface PolicyRule {
  readonly methods: readonly string[];
  /** Path pattern: literal segments, `:name` for one segment, `**` (last) for any rest. */
  readonly pattern: string;
  readonly access: Access;
  /** Audit action recorded when a signed-in caller is refused here (403), e.g. `revealPsk`. */
  readonly auditRefusal?: string;
}

/**
 * One rule per route of the shared route table (its `role`); a GET route answers HEAD too. The
 * table is the only place a route's access is written.
 */
export const policyRules: readonly PolicyRule[] = (apiRoutes as readonly ApiRoute[]).map(
  (route) => ({
    methods: route.method === 'GET' ? ['GET', 'HEAD'] : [route.method],
    pattern: route.path,
    access: route.role,
    ...(route.auditRefusal === undefined ? {} : { auditRefusal: route.auditRefusal }),
  }),
);

interface CompiledRule {
  readonly methods: ReadonlySet<string>;
  readonly segments: readonly string[];
  readonly rest: boolean;
  readonly access: Access;
  readonly auditRefusal: string | undefined;
}

function compile(rule: PolicyRule): CompiledRule {
  const segments = rule.pattern.split('/').filter((s) => s !== '');
  const rest = segments.at(-1) === '**';
  return {
    methods: new Set(rule.methods),
    segments: rest ? segments.slice(0, -1) : segments,
    rest,
    access: rule.access,
    auditRefusal: rule.auditRefusal,
  };
}

function matches(rule: CompiledRule, segments: readonly string[]): boolean {
  if (
    rule.rest ? segments.length < rule.segments.length : segments.length !== rule.segments.length
  ) {
    return false;
  }
  return rule.segments.every((p, i) => {
    const s = segments[i];
    return s !== undefined && s !== '' && (p.startsWith(':') || p === s);
  });
}

export type Decision =
  { readonly access: Access; readonly auditRefusal?: string } | { readonly access: 'deny' };

/** Builds the lookup of a rule table (the app uses `policyRules`). */
export function compilePolicy(
  rules: readonly PolicyRule[],
): (method: string, path: string) => Decision {
  const compiled = rules.map(compile);
  return (method, path) => {
    const segments = path.split('/').filter((s) => s !== '');
    // A path with empty segments (`//`), a trailing slash (strict routing) or dot segments
    // never matches a rule.
    if (
      path.includes('//') ||
      (path.length > 1 && path.endsWith('/')) ||
      segments.some((s) => s === '.' || s === '..')
    ) {
      return { access: 'deny' };
    }
    const m = method.toUpperCase();
    const rule = compiled.find((r) => r.methods.has(m) && matches(r, segments));
    if (rule === undefined) return { access: 'deny' };
    return rule.auditRefusal === undefined
      ? { access: rule.access }
      : { access: rule.access, auditRefusal: rule.auditRefusal };
  };
}

export const decide = compilePolicy(policyRules);
