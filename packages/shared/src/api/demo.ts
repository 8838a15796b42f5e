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

/**
 * Failure scenarios an admin can start in demo mode (issue 17: a sales engineer plays them
 * without a terminal): the cloud throttles calls for a while, the demo site-to-site tunnel goes
 * down (its peer changes its key), a gateway stays `updating`.
 */
export const demoScenarios = ['throttling', 'tunnel-down', 'gateway-stuck-updating'] as const;
export const demoScenarioSchema = z.enum(demoScenarios);
export type DemoScenario = z.infer<typeof demoScenarioSchema>;

/** `POST /api/v1/demo/reset` and `POST /api/v1/demo/scenarios/:scenario` (admins, demo mode). */
export const demoActionResultSchema = z.object({
  /** `reset`, or the scenario started. */
  done: z.union([z.literal('reset'), demoScenarioSchema]),
  /** When it was applied (ISO 8601). */
  at: z.string(),
});
export type DemoActionResult = z.infer<typeof demoActionResultSchema>;

export const demoPaths = {
  accounts: () => '/api/v1/demo',
  reset: () => '/api/v1/demo/reset',
  scenario: (scenario: DemoScenario) => `/api/v1/demo/scenarios/${encodeURIComponent(scenario)}`,
} as const;
