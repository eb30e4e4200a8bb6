import type { AuditedCall, CallEvent } from '../../services/call-audit';
import type { RouterHooks } from '../router';

/**
 * Router hooks for tests that run a router without an app: no sessions and no clinic unless
 * given, and an audit chain that only remembers what it was asked to record.
 */
export function testRouterHooks(overrides: Partial<Omit<RouterHooks, 'audit'>> = {}) {
  const calls: AuditedCall[] = [];
  const events: CallEvent[] = [];
  const hooks: RouterHooks = {
    resolveCaller: () => ({ actor: null, expired: false }),
    clinic: () => null,
    logError: () => {},
    ...overrides,
    audit: {
      run: async (call, handler) => {
        calls.push(call);
        return { value: await handler(), recordedWithWrite: false };
      },
      record: (event) => {
        events.push(event);
      },
    },
  };
  return { hooks, calls, events };
}
