import { z } from 'zod';

export const faultKinds = [
  'latency',
  'hang',
  'json5xx',
  'html502',
  'throttle',
  'createSucceedsButAnswers500',
] as const;

export const faultRuleSchema = z.object({
  /** An Action name, or '*' for every action. */
  action: z.string().min(1),
  kind: z.enum(faultKinds),
  /** Applies to the next N matching calls, then disappears. */
  count: z.number().int().positive().optional(),
  /** Applies to this fraction (0..1) of matching calls. */
  fraction: z.number().min(0).max(1).optional(),
  /** For `latency`: added delay (default 1000 ms). */
  latencyMs: z.number().int().nonnegative().optional(),
  /** For `throttle`: the `x-acs-retry-after` value in ms (default 1000). */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveRule {
  rule: FaultRule;
  remaining: number | undefined;
}

/**
 * Fault rules in injection order. Each call takes the first rule that matches its action and
 * fires (count not used up; fraction drawn). Rules without count or fraction fire on every call
 * until cleared.
 */
export class FaultBoard {
  private rules: ActiveRule[] = [];
  private readonly random: () => number;

  constructor(random: () => number = Math.random) {
    this.random = random;
  }

  inject(rule: FaultRule): void {
    const parsed = faultRuleSchema.parse(rule);
    this.rules.push({ rule: parsed, remaining: parsed.count });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  take(action: string): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.action !== '*' && rule.action !== action) continue;
      if (rule.fraction !== undefined && this.random() >= rule.fraction) continue;
      if (active.remaining !== undefined) {
        active.remaining -= 1;
        if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
      }
      return rule;
    }
    return undefined;
  }
}
