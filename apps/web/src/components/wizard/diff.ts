// Field-by-field comparison of a resource as it is and as the wizard would leave it. Secrets are
// never compared by value: they are "changed" when a new one was typed, else "unchanged".

export type FlatValues = Record<string, string>;

const scalar = (v: unknown): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
};

/** Dotted paths to display strings; lists become "a, b"; empty values are left out. */
export const flatten = (value: unknown, prefix = ''): FlatValues => {
  const out: FlatValues = {};
  if (Array.isArray(value)) {
    const items = value.map(scalar).filter((s): s is string => s !== undefined);
    if (items.length > 0) out[prefix] = items.join(', ');
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      Object.assign(out, flatten(v, prefix === '' ? k : `${prefix}.${k}`));
    }
    return out;
  }
  const s = scalar(value);
  if (s !== undefined && prefix !== '') out[prefix] = s;
  return out;
};

export type FieldChange =
  | { path: string; secret: false; before: string | undefined; after: string }
  | { path: string; secret: true; changed: boolean };

export const diffValues = (
  before: unknown,
  after: unknown,
  secretPaths: readonly string[],
): FieldChange[] => {
  const b = flatten(before);
  const a = flatten(after);
  const changes: FieldChange[] = [];
  for (const path of Object.keys(a)) {
    if (secretPaths.includes(path)) continue;
    const next = a[path];
    if (next !== undefined && b[path] !== next) {
      changes.push({ path, secret: false, before: b[path], after: next });
    }
  }
  for (const path of secretPaths) {
    changes.push({ path, secret: true, changed: a[path] !== undefined });
  }
  return changes;
};

const sameValue = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

/**
 * The body of a change request: only what differs (for nested objects, only the differing keys);
 * a secret only when a new one was typed. Omitted means "leave unchanged".
 */
export const changedFields = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  secretKeys: readonly string[],
): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined || value === '') continue;
    if (secretKeys.includes(key)) {
      body[key] = value;
      continue;
    }
    const old = before[key];
    if (typeof value === 'object' && !Array.isArray(value) && value !== null) {
      const oldObj = typeof old === 'object' && old !== null && !Array.isArray(old) ? old : {};
      const nested = changedFields(
        Object.fromEntries(Object.entries(oldObj)),
        Object.fromEntries(Object.entries(value)),
        secretKeys.filter((s) => s.startsWith(`${key}.`)).map((s) => s.slice(key.length + 1)),
      );
      if (Object.keys(nested).length > 0) body[key] = nested;
    } else if (!sameValue(old, value)) {
      body[key] = value;
    }
  }
  return body;
};

/** Whether a diff changes anything (an untouched secret is no change). */
export const changesNothing = (changes: readonly FieldChange[]): boolean =>
  changes.every((c) => c.secret && !c.changed);
