// A configuration shape described once: each form name with Alibaba's name for it and its kind.
// From one description come the JSON parameter a write sends (wireJson / wireObject), the schema
// that reads a response (responseSchemaOf), the console's view schema (viewSchemaOf) and the
// presenter that turns one into the other (viewOf). A shape is reused wherever Alibaba reuses the
// names: a dual-tunnel connection's TunnelIkeConfig / TunnelIpsecConfig / TunnelBgpConfig carry the
// same keys as IkeConfig / IpsecConfig / BgpConfig.
import { z } from 'zod';
import { boolLike, intLike } from '../responses/common';

export type FieldKind = 'text' | 'int' | 'bool';

export interface KeyMapField {
  /** Alibaba's name in responses (and in requests unless `request` says otherwise). */
  readonly wire: string;
  readonly kind: FieldKind;
  /** The request's spelling where Alibaba writes it differently (health check: `enable` vs `Enable`). */
  readonly request?: string;
  /** Only in responses (peer ASN, status, …): never sent. */
  readonly readOnly?: true;
  /** Kept out of views (a PSK is shown through the secret view only). */
  readonly secret?: true;
}

export type KeyMap = Readonly<Record<string, KeyMapField>>;

export interface ShapeOptions<M extends KeyMap> {
  /** BGP and health-check JSON carry every value as a string (`"true"`, `"45104"`). */
  readonly valuesAsText: boolean;
  /** Fields a request writes before the others (connections send Psk first, seed 002). */
  readonly requestFirst?: readonly (keyof M & string)[];
}

/** The fields in Alibaba's response order (a parsed response keeps it). */
export interface Shape<M extends KeyMap> extends ShapeOptions<M> {
  readonly fields: M;
}

export const defineShape = <const M extends KeyMap>(
  fields: M,
  options: ShapeOptions<M>,
): Shape<M> => ({ ...options, fields });

type ValueOfKind<K extends FieldKind> = K extends 'int'
  ? number
  : K extends 'bool'
    ? boolean
    : string;

type WritableKeys<M extends KeyMap> = {
  [K in keyof M]: M[K]['readOnly'] extends true ? never : K;
}[keyof M];
type ViewKeys<M extends KeyMap> = {
  [K in keyof M]: M[K]['secret'] extends true ? never : K;
}[keyof M];

/** The form value a write maps from (every field optional: omitted means "not sent"). */
export type ShapeInput<M extends KeyMap> = {
  [K in WritableKeys<M>]?: ValueOfKind<M[K]['kind']> | undefined;
};

/** The console's view of a configuration (what the cloud said, field by field). */
export type ShapeView<M extends KeyMap> = {
  [K in ViewKeys<M>]?: ValueOfKind<M[K]['kind']>;
};

type ResponseShape<M extends KeyMap> = {
  [K in keyof M as M[K]['wire']]: z.ZodOptional<
    M[K]['kind'] extends 'int'
      ? typeof intOrBlank
      : M[K]['kind'] extends 'bool'
        ? typeof boolOrBlank
        : z.ZodString
  >;
};

/** `''` (what the cloud answers for a number or switch that does not apply) reads as absent. */
const blank = z.literal('').transform(() => undefined);
const intOrBlank = z.union([blank, intLike]);
const boolOrBlank = z.union([blank, boolLike]);

const kindSchema = (kind: FieldKind) =>
  kind === 'int' ? intOrBlank : kind === 'bool' ? boolOrBlank : z.string();

const viewKindSchema = (kind: FieldKind) =>
  kind === 'int' ? z.number() : kind === 'bool' ? z.boolean() : z.string();

const entriesOf = <M extends KeyMap>(shape: Shape<M>): [string, KeyMapField][] =>
  Object.entries(shape.fields);

/** Alibaba's PascalCase object as a response holds it (unknown keys kept, numbers may be text). */
export const responseSchemaOf = <M extends KeyMap>(shape: Shape<M>) =>
  z.looseObject(
    Object.fromEntries(
      entriesOf(shape).map(([, f]) => [f.wire, kindSchema(f.kind).optional()]),
    ) as ResponseShape<M>,
  );

/** The console's view schema (camelCase form names, secrets left out). */
export const viewSchemaOf = <M extends KeyMap>(shape: Shape<M>) =>
  z.object(
    Object.fromEntries(
      entriesOf(shape)
        .filter(([, f]) => f.secret !== true)
        .map(([name, f]) => [name, viewKindSchema(f.kind).optional()]),
    ),
  ) as unknown as z.ZodType<ShapeView<M>>;

/** A response object → the view: defined values only, secrets left out. */
export const viewOf = <M extends KeyMap>(
  shape: Shape<M>,
  response: Readonly<Record<string, unknown>> | undefined,
): ShapeView<M> => {
  const out: Record<string, unknown> = {};
  if (response === undefined) return out as ShapeView<M>;
  for (const [name, f] of entriesOf(shape)) {
    const value = response[f.wire];
    if (f.secret !== true && value !== undefined) out[name] = value;
  }
  return out as ShapeView<M>;
};

/** The request object (`requestFirst`, then the shape's order; undefined values dropped). */
export const wireObject = <M extends KeyMap>(
  shape: Shape<M>,
  value: ShapeInput<M>,
): Record<string, string | number | boolean> => {
  const out: Record<string, string | number | boolean> = {};
  const given: Readonly<Record<string, unknown>> = value;
  const first: readonly string[] = shape.requestFirst ?? [];
  const ordered = [
    ...entriesOf(shape).filter(([name]) => first.includes(name)),
    ...entriesOf(shape).filter(([name]) => !first.includes(name)),
  ];
  for (const [name, f] of ordered) {
    const v = given[name];
    if (f.readOnly === true || v === undefined) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    out[f.request ?? f.wire] = shape.valuesAsText ? String(v) : v;
  }
  return out;
};

/** The JSON-typed parameter a write sends (`IkeConfig='{"IkeVersion":"ikev2",…}'`). */
export const wireJson = <M extends KeyMap>(
  shape: Shape<M>,
  value: ShapeInput<M> | undefined,
): string | undefined =>
  value === undefined ? undefined : JSON.stringify(wireObject(shape, value));

/** The names a write may send (to check a form schema covers exactly these). */
export const writableNames = <M extends KeyMap>(shape: Shape<M>): string[] =>
  entriesOf(shape)
    .filter(([, f]) => f.readOnly !== true)
    .map(([name]) => name);
