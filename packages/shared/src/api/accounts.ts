// Accounts (HTTP contract of /api/v1/accounts; admins only).
import { z } from 'zod';
import { roleSchema, usernameSchema } from './session';

export const accountViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountListSchema = z.object({ items: z.array(accountViewSchema) });
export type AccountList = z.infer<typeof accountListSchema>;

export const passwordSchema = z.string().min(12).max(1024);

/** `POST /api/v1/accounts`. */
export const createAccountRequestSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  role: roleSchema,
});
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

/** `PATCH /api/v1/accounts/:accountId`: any of role, disabled, password. */
export const changeAccountRequestSchema = z
  .strictObject({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.password !== undefined, {
    message: 'nothing to change',
  });
export type ChangeAccountRequest = z.infer<typeof changeAccountRequestSchema>;
