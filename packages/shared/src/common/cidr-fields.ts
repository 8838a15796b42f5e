// CIDR field schemas: one block, or a list of blocks (the comma lists of the API).
import { z } from 'zod';
import { findDuplicates, intToIpv4, parseCidr, reservedRangeOf } from '../cidr';
import { ISSUE_CODES, type IssueCode } from '../errors/issue-codes';
import { addIssue, required } from './issue';

const C = ISSUE_CODES;

export type CidrRules = {
  /** Allowed prefix lengths (inclusive) and the code reported outside them. */
  prefix?: { min: number; max: number; code: IssueCode };
  /** Ranges the block must not overlap (reported as CIDR_RESERVED). */
  reserved?: readonly string[];
};

type Ctx = Parameters<typeof addIssue>[0];

/** Checks one CIDR text; reports at `path`. Returns true when it is acceptable. */
export function checkCidr(text: string, rules: CidrRules, ctx: Ctx, path: PropertyKey[]): boolean {
  const cidr = parseCidr(text);
  if (cidr === undefined) {
    addIssue(ctx, C.CIDR_INVALID, path);
    return false;
  }
  const canonical = `${intToIpv4(cidr.network)}/${cidr.prefix}`;
  if (canonical !== text) {
    addIssue(ctx, C.CIDR_NOT_CANONICAL, path, { expected: canonical });
    return false;
  }
  const { prefix, reserved } = rules;
  if (prefix !== undefined && (cidr.prefix < prefix.min || cidr.prefix > prefix.max)) {
    addIssue(ctx, prefix.code, path, { min: prefix.min, max: prefix.max });
    return false;
  }
  if (reserved !== undefined) {
    const range = reservedRangeOf(text, reserved);
    if (range !== undefined) {
      addIssue(ctx, C.CIDR_RESERVED, path, { range });
      return false;
    }
  }
  return true;
}

/** One canonical IPv4 CIDR block. */
export function cidrSchema(rules: CidrRules = {}) {
  return z.string(required).superRefine((text, ctx) => {
    checkCidr(text, rules, ctx, []);
  });
}

/** A non-empty list of canonical, distinct IPv4 CIDR blocks (a comma list on the wire). */
export function cidrListSchema(rules: CidrRules = {}) {
  return z.array(z.string(required), required).superRefine((list, ctx) => {
    if (list.length === 0) {
      addIssue(ctx, C.CIDR_LIST_EMPTY);
      return;
    }
    list.forEach((text, index) => checkCidr(text, rules, ctx, [index]));
    for (const index of findDuplicates(list)) {
      addIssue(ctx, C.CIDR_DUPLICATE, [index], { value: list[index] ?? '' });
    }
  });
}
