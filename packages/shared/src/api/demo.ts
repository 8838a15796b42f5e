// Demo accounts (GET /api/v1/demo; only in demo mode, 404 otherwise).
import { z } from 'zod';
import { roleSchema } from './session';

export const demoAccountSchema = z.object({
  username: z.string(),
  password: z.string(),
  role: roleSchema,
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

export const demoAccountListSchema = z.object({ accounts: z.array(demoAccountSchema) });
export type DemoAccountList = z.infer<typeof demoAccountListSchema>;
