import type { z } from 'zod';
import type { Permission } from '../permissions';
import { refuseMalformedText } from './well-formed-text';

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

/**
 * Declares a method. Its input schema also refuses text with a lone surrogate anywhere in it
 * (well-formed-text.ts), so no method can forget to; being refined, it cannot be `.extend`ed.
 */
export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return { ...spec, input: spec.input.superRefine(refuseMalformedText) };
}

export type ContractShape = Readonly<Record<string, MethodSpec>>;

export type MethodInput<M> = M extends MethodSpec<infer I, z.ZodType> ? z.input<I> : never;
export type MethodOutput<M> = M extends MethodSpec<z.ZodType, infer O> ? z.output<O> : never;
