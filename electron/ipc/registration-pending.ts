import { ApiFailure, contract } from '../../shared/api';
import type { Router } from './router';

/**
 * Temporary: the patient, visit and clinic-reference methods are in the contract (so the screen can
 * be built against it) while their services land. Each answers with a clear Chinese error until
 * its real handler replaces this file.
 */
const PENDING = /^(patients|visits|clinic)\./;

export function registerPendingRegistration(router: Router): void {
  for (const name of Object.keys(contract) as Array<keyof typeof contract>) {
    if (!PENDING.test(name)) continue;
    router.implement(name, () => {
      throw new ApiFailure('INTERNAL', '这项功能正在开发中，请稍后再试。');
    });
  }
}
