// Accounts (HTTP contract of /api/v1/accounts; admins only).
import { z } from 'zod';
import { addIssue } from '../common/issue';
import { ISSUE_CODES } from '../errors/issue-codes';
import { roleSchema, usernameSchema } from './session';

export const accountViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The last successful login (ISO time), null when the account never logged in. */
  lastLoginAt: z.string().nullable(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountListSchema = z.object({ items: z.array(accountViewSchema) });
export type AccountList = z.infer<typeof accountListSchema>;

/** Minimum password length (ASVS 6.2.1 asks for ≥ 8; we ask for 12), in characters. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * A password an admin sets: at least 12 characters, not spaces only. The BFF also refuses the
 * user name and passwords on a list of common ones (`PASSWORD_IS_USERNAME`, `PASSWORD_COMMON`).
 */
export const passwordSchema = z
  .string()
  .max(1024)
  .superRefine((value, ctx) => {
    let characters = 0;
    for (const _ of value) characters += 1;
    if (characters < MIN_PASSWORD_LENGTH) {
      addIssue(ctx, ISSUE_CODES.PASSWORD_TOO_SHORT, [], { min: MIN_PASSWORD_LENGTH });
    } else if (/^\s*$/u.test(value)) {
      addIssue(ctx, ISSUE_CODES.PASSWORD_BLANK);
    }
  });

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
