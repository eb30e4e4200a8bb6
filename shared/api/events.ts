/**
 * What changed, told by the main process to the renderer, so screens that show shared lists (the
 * front desk's today list, a doctor's queue) read them again only when something relevant arrived,
 * whether written at this PC or replicated from another one. Events name the kind of record and
 * the few keys a screen filters by, never patient data: a screen that cares asks for the data
 * through the contract's methods, with their permission checks and audit.
 *
 * Carried over IPC (the preload's `onChanges`) and, in browser mode, as Server-Sent Events on
 * `EVENTS_PATH` for the logged-in session.
 */
import { z } from 'zod';

export const changeEvent = z.discriminatedUnion('kind', [
  /** A visit registered, cancelled, called in … on `date` in `department`. */
  z.object({ kind: z.literal('visits'), date: z.string(), department: z.string() }),
  z.object({ kind: z.literal('patients') }),
  z.object({ kind: z.literal('users'), username: z.string() }),
  z.object({ kind: z.literal('departments') }),
  z.object({ kind: z.literal('settings') }),
  /** The link with the centre's endpoint changed (status bar). */
  z.object({ kind: z.literal('lan') }),
  /** A document of another type (its `type`). */
  z.object({ kind: z.literal('other'), type: z.string() }),
]);
export type ChangeEvent = z.infer<typeof changeEvent>;
export type ChangeKind = ChangeEvent['kind'];

/**
 * One delivery: the events of one or more writes, in order. `resync`: the listener may have missed
 * events (it just connected, or reconnected after a gap); read everything it shows again.
 */
export const changeBatch = z.object({ events: z.array(changeEvent), resync: z.boolean() });
export type ChangeBatch = z.infer<typeof changeBatch>;

/** What a screen listens for: a kind, and optionally the keys it filters by. */
export type ChangeTopic =
  | { readonly kind: 'visits'; readonly date?: string; readonly department?: string }
  | { readonly kind: 'users'; readonly username?: string }
  | { readonly kind: Exclude<ChangeKind, 'visits' | 'users'> };

export function matchesTopic(event: ChangeEvent, topic: ChangeTopic): boolean {
  if (event.kind !== topic.kind) return false;
  if (event.kind === 'visits' && topic.kind === 'visits') {
    return (topic.date === undefined || topic.date === event.date) && (topic.department === undefined || topic.department === event.department);
  }
  if (event.kind === 'users' && topic.kind === 'users') return topic.username === undefined || topic.username === event.username;
  return true;
}

export function batchConcerns(batch: ChangeBatch, topics: ReadonlyArray<ChangeTopic>): boolean {
  return batch.resync || batch.events.some((event) => topics.some((topic) => matchesTopic(event, topic)));
}

/** Browser mode's Server-Sent Events stream. */
export const EVENTS_PATH = '/api/events';
