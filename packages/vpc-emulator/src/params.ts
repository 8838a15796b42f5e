import type { z } from 'zod';
import { apiErrors } from './errors';

/** The flat RPC parameters of one call (query string ∪ form body), with typed readers. */
export class Params {
  readonly map: ReadonlyMap<string, string>;
  /** Prepended to names in error messages (a `sub` view names its parameters in full). */
  readonly prefix: string;

  constructor(map: ReadonlyMap<string, string>, prefix = '') {
    this.map = map;
    this.prefix = prefix;
  }

  /** The full wire name of a parameter of this view (for error messages). */
  label(name: string): string {
    return `${this.prefix}${name}`;
  }

  /**
   * The parameters under `prefix` (e.g. `TunnelOptionsSpecification.1.`), named without it: the
   * nested keys pop-core and the SDK flatten (`TunnelOptionsSpecification.1.TunnelIkeConfig.Psk`).
   */
  sub(prefix: string): Params {
    const map = new Map<string, string>();
    for (const [key, value] of this.map) {
      if (key.startsWith(prefix)) map.set(key.slice(prefix.length), value);
    }
    return new Params(map, this.label(prefix));
  }

  /** True when any parameter is named `name` or lies under `name.` (a flattened object or list). */
  hasTree(name: string): boolean {
    for (const key of this.map.keys()) if (key === name || key.startsWith(`${name}.`)) return true;
    return false;
  }

  /** The indices N of a flattened list of objects `Name.N.Field…`, ascending. */
  indices(name: string): number[] {
    const found = new Set<number>();
    for (const key of this.map.keys()) {
      const match = /^(.+?)\.(\d+)\./.exec(key);
      if (match?.[1] === name && match[2] !== undefined) found.add(Number(match[2]));
    }
    return [...found].sort((a, b) => a - b);
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
    if (value === undefined) throw apiErrors.missingParameter(this.label(name));
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw apiErrors.invalidParameter(this.label(name));
  }

  int(name: string, min: number, max: number): number | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw apiErrors.invalidParameter(this.label(name));
    const n = Number(value);
    if (n < min || n > max) throw apiErrors.invalidParameter(this.label(name));
    return n;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    const found = values.find((v) => v === value);
    if (found === undefined) throw apiErrors.invalidParameter(this.label(name));
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
      throw apiErrors.invalidParameter(this.label(name));
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw apiErrors.invalidParameter(this.label(name));
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
