// Reading a resource's configuration back into an edit form, field by field, with the shared
// schema of each field. A value the console does not know (an algorithm added to the cloud after
// this console was built, say) never turns into a default: its field is left empty, so a change
// does not send it and the cloud keeps it, and it is listed so the wizard shows it and asks.
import type { z } from 'zod';

export interface UnknownCloudValue {
  /** The form path, `ikeConfig.ikeEncAlg`. */
  path: string;
  /** What the cloud holds, as text. */
  value: string;
}

export interface ReadBack<T> {
  value: T;
  unknown: UnknownCloudValue[];
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The view's fields the form schema knows, each parsed by its own schema. Fields of the view the
 * form does not edit (status, peer ASN) are left out; a view that is absent reads as empty.
 */
export const readBack = <S extends z.ZodObject>(
  schema: S,
  view: object | undefined,
  /** The form path of the object (`ikeConfig`), or '' for top-level fields. */
  prefix: string,
): ReadBack<Partial<z.output<S>>> => {
  const value: Record<string, unknown> = {};
  const unknown: UnknownCloudValue[] = [];
  const shape: Readonly<Record<string, z.ZodType | undefined>> = schema.shape;
  for (const [key, given] of Object.entries(view ?? {})) {
    const field = shape[key];
    // Empty is not set (issue 17: a tunnel without BGP listed its empty BGP fields as values the
    // console does not know).
    if (given === undefined || given === null || given === '' || field === undefined) continue;
    const parsed = field.safeParse(given);
    if (parsed.success) value[key] = parsed.data;
    else unknown.push({ path: prefix === '' ? key : `${prefix}.${key}`, value: asText(given) });
  }
  // Each entry was parsed by the schema's own field: the object is that schema's partial output.
  return { value: value as Partial<z.output<S>>, unknown };
};
