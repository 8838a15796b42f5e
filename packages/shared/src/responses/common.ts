// Building blocks for Alibaba response schemas: PascalCase, unknown fields kept (looseObject),
// numbers and booleans that sometimes arrive as strings coerced.
import { z } from 'zod';

/** An integer that may arrive as a number or a numeric string (`"3"`). */
export const intLike = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(?:\.\d+)?$/)
    .transform(Number),
]);

/** A boolean that may arrive as `true` or `"true"` / `"false"` (any case). */
export const boolLike = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false']))
    .transform((value) => value === 'true'),
]);

/** `{ "<Outer>": { "<Inner>": [...] } }` list wrapper; a missing wrapper or list reads as empty. */
export function listWrapper<const K extends string, T extends z.ZodType>(inner: K, item: T) {
  // Computed keys widen to string, so the shape's type is restated; the value is built right here.
  const shape = { [inner]: z.array(item).default([]) } as { [P in K]: z.ZodDefault<z.ZodArray<T>> };
  const schema = z.looseObject(shape);
  // Every field has a default, so an empty object is valid input.
  return schema.prefault({} as z.input<typeof schema>);
}

export const requestIdResponseSchema = z.looseObject({ RequestId: z.string() });

/** The gateway's error body: `{ RequestId, HostId, Code, Message, Recommend }`. */
export const cloudErrorBodySchema = z.looseObject({
  RequestId: z.string().optional(),
  HostId: z.string().optional(),
  Code: z.string(),
  Message: z.string().optional(),
  Recommend: z.string().optional(),
});

export const pageFields = {
  TotalCount: intLike.optional(),
  PageNumber: intLike.optional(),
  PageSize: intLike.optional(),
};

export const tagSchema = z.looseObject({
  Key: z.string().optional(),
  Value: z.string().optional(),
});

export type CloudErrorBody = z.output<typeof cloudErrorBodySchema>;
