// The regions view: its own module because the entry screen (the region redirect) needs it, and
// the other views (views.ts) pull in every configuration shape.
import { z } from 'zod';
import { listOf } from './list';

export const regionViewSchema = z.object({
  regionId: z.string(),
  localName: z.string(),
  endpoint: z.string().optional(),
});
export type RegionView = z.infer<typeof regionViewSchema>;

export const regionListSchema = listOf(regionViewSchema);
