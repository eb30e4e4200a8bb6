import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * One API method: its input and output schemas, the permission the router checks before the
 * handler runs, and whether each call is written to the audit chain.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly permission: Permission;
  /** Audited calls append an audit event (reads of patient data included). */
  readonly audited: boolean;
  readonly summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

export type ContractShape = Readonly<Record<string, MethodSpec>>;

export type MethodInput<M> = M extends MethodSpec<infer I, z.ZodType> ? z.input<I> : never;
export type MethodOutput<M> = M extends MethodSpec<z.ZodType, infer O> ? z.output<O> : never;
