import type { z } from 'zod';
import type { Permission } from '../permissions';
import { refuseMalformedText } from './well-formed-text';

/**
 * What the audit chain records of each call (REGULATIONS.md §4, AC-08):
 * - `write`: the call changes the record. Its audit event commits in the same SQLite transaction
 *   as its first document write, so a change is never stored without its event; a call that ends
 *   up writing no document (a login, a refused save, device settings) gets its event on its own.
 * - `read`: the call shows patient data. The event, naming the ids returned, is appended after the
 *   call; such a method must not write documents (the write is refused if it tries).
 * - `none`: nothing is recorded but refusals for lack of permission (reference lists, status,
 *   polls, settings screens that show no patient data).
 */
export type AuditKind = 'write' | 'read' | 'none';

/**
 * One API method: its input and output schemas, the permission the router checks before the
 * handler runs, whether it needs the clinic to be set up, and what the audit chain records of it.
 * Every field is required, so each method says all of it deliberately.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, P extends Permission = Permission, S extends boolean = boolean> {
  readonly input: I;
  readonly output: O;
  readonly permission: P;
  /** Refused with NOT_SET_UP (before the handler runs) until first-run setup has finished. */
  readonly requiresSetup: S;
  readonly audit: AuditKind;
  readonly summary: string;
}

/**
 * Declares a method, keeping the literal permission and set-up flag from which a handler's context
 * is typed. Its input schema also refuses text with a lone surrogate anywhere in it
 * (well-formed-text.ts), so no method can forget to; being refined, it cannot be `.extend`ed.
 */
export function method<I extends z.ZodType, O extends z.ZodType, P extends Permission, S extends boolean>(
  spec: MethodSpec<I, O, P, S>,
): MethodSpec<I, O, P, S> {
  return { ...spec, input: spec.input.superRefine(refuseMalformedText) as unknown as I };
}

export type ContractShape = Readonly<Record<string, MethodSpec>>;

export type MethodInput<M> = M extends MethodSpec<infer I, z.ZodType> ? z.input<I> : never;
export type MethodOutput<M> = M extends MethodSpec<z.ZodType, infer O> ? z.output<O> : never;
