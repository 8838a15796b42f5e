// The envelope of every list route, apart from the views so a small screen can use it alone.
import { z } from 'zod';

/** Every list route answers `{ items, totalCount }`. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), totalCount: z.number().int() });
