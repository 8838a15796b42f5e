import type { z } from 'zod';
import { apiErrors } from './errors';

/** The flat RPC parameters of one call (query string ∪ form body), with typed readers. */
export class Params {
  readonly map: ReadonlyMap<string, string>;

  constructor(map: ReadonlyMap<string, string>) {
    this.map = map;
  }

  /** The value, or undefined when absent or empty. */
  str(name: string): string | undefined {
    const value = this.map.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  has(name: string): boolean {
    return this.str(name) !== undefined;
  }

  required(name: string): string {
    const value = this.str(name);
    if (value === undefined) throw apiErrors.missingParameter(name);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw apiErrors.invalidParameter(name);
  }

  int(name: string, min: number, max: number): number | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw apiErrors.invalidParameter(name);
    const n = Number(value);
    if (n < min || n > max) throw apiErrors.invalidParameter(name);
    return n;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    const found = values.find((v) => v === value);
    if (found === undefined) throw apiErrors.invalidParameter(name);
    return found;
  }

  /** A JSON-typed parameter (IkeConfig, IpsecConfig, …) parsed with a schema. */
  json<S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(value);
    } catch {
      throw apiErrors.invalidParameter(name);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw apiErrors.invalidParameter(name);
    return parsed.data;
  }

  /** A repeat list `Name.1`, `Name.2`, … in index order. */
  list(name: string): string[] {
    const out: Array<[number, string]> = [];
    for (const [key, value] of this.map) {
      const match = /^(.+)\.(\d+)$/.exec(key);
      if (match?.[1] === name && match[2] !== undefined) out.push([Number(match[2]), value]);
    }
    return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  /** Tag repeat lists `Prefix.N.Key` / `Prefix.N.Value`. */
  tags(prefix: string): Array<{ Key: string; Value: string }> {
    const byIndex = new Map<number, { Key: string; Value: string }>();
    for (const [key, value] of this.map) {
      const match = /^(.+)\.(\d+)\.(Key|Value)$/.exec(key);
      if (match?.[1] !== prefix || match[2] === undefined) continue;
      const index = Number(match[2]);
      const tag = byIndex.get(index) ?? { Key: '', Value: '' };
      if (match[3] === 'Key') tag.Key = value;
      else tag.Value = value;
      byIndex.set(index, tag);
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  }
}
