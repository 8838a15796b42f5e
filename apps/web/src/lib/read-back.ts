import type { z } from 'zod';

/**
 * Reads a resource view's sub-object (plain strings) back into a form value with a shared schema;
 * undefined when the cloud holds a value the schema does not know.
 */
export const readBack = <T>(schema: z.ZodType<T>, value: object | undefined): T | undefined => {
  if (value === undefined) return undefined;
  const defined = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(defined);
  return parsed.success ? parsed.data : undefined;
};
