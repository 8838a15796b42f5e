// Test helpers: run a schema and look at the collected issues; read the seed documents.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { z } from 'zod';
import { collectIssues, type CollectedIssue } from '../src/errors/issues';
import type { IssueCode } from '../src/errors/issue-codes';

export function issuesOf(schema: z.ZodType, value: unknown): CollectedIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : collectIssues(result.error);
}

export function expectAccepted(schema: z.ZodType, value: unknown): void {
  expect(issuesOf(schema, value)).toEqual([]);
}

/** The value is refused, and one of the issues has exactly this path and code. */
export function expectRefused(
  schema: z.ZodType,
  value: unknown,
  path: string,
  code: IssueCode,
): void {
  const issues = issuesOf(schema, value);
  expect(issues.map((i) => `${i.path}:${i.code}`)).toContain(`${path}:${code}`);
}

/** A refused case of a rule table. */
export type RefusedCase<T> = {
  rule: string;
  value: (base: T) => unknown;
  path: string;
  code: IssueCode;
};
/** An accepted case of a rule table. */
export type AcceptedCase<T> = { rule: string; value: (base: T) => unknown };

export function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)) as Omit<T, K>;
}

/** Seeds live beside the repository root (`../shared/seeds`), locally and in CI. */
const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

export const SEED_FILES = {
  createIpsecServerOld: '000_2dad22f0849cf5ca.txt',
  createIpsecServer: '001_10de9ce8d329dd7d.txt',
  createVpnConnection: '002_cb2d1d2936541a36.txt',
  createSslVpnServer: '003_fb91a6232efed7b7.txt',
  updateIpsecServer: '004_eecc24a569b52347.txt',
} as const;

function readSeed(file: string): string {
  return readFileSync(new URL(file, SEEDS), 'utf8');
}

/** The example request's parameters (`&Key=Value` lines after `?Action=…`), Action excluded. */
export function seedExampleParams(file: string): Record<string, string> {
  const text = readSeed(file);
  const start = text.indexOf('?Action=');
  if (start < 0) throw new Error(`no example request in ${file}`);
  const params: Record<string, string> = {};
  for (const line of text.slice(start).split('\n').slice(1)) {
    const match = /^&([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match === null) {
      if (line.trim().startsWith('&')) continue; // &<公共请求参数>
      break;
    }
    const [, key = '', value = ''] = match;
    params[key] = value;
  }
  return params;
}

/** Every error code in the seed's error table. */
export function seedErrorCodes(file: string): string[] {
  const text = readSeed(file);
  const table = text.slice(text.indexOf('HttpCode'));
  const codes = new Set<string>();
  for (const line of table.split('\n')) {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    if (cells.length >= 3 && /^\d{3}$/.test(cells[0] ?? '')) codes.add(cells[1] ?? '');
  }
  return [...codes];
}

/** The RPC params as the wire sees them: every value as text. */
export function asWireText(
  params: Record<string, string | number | boolean>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}
