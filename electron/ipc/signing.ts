import type { AppContext } from './context';
import type { Router } from './router';
import { refuseIfSealed } from '../services/custody/sealed-guard';

/** 电子签名与病历修改: thin handlers over electron/signing (the signer is the logged-in user on this PC). */
export function registerSigning(router: Router, app: AppContext): void {
  const { signing, amendments, data } = app;
  router
    .implement('signing.status', (_input, { actor }) => signing.status(actor))
    .implement('signing.setPin', ({ pin }, { actor }) => signing.setPin(actor, pin))
    .implement('signing.changePin', ({ oldPin, newPin }, { actor }) => signing.changePin(actor, oldPin, newPin))
    .implement('signing.retireKey', ({ username }, { actor }) => signing.retireKey(username, actor.username))
    .implement('signing.sign', ({ targetId, pin }, { actor }) => signing.sign(targetId, pin, actor))
    .implement('signing.countersign', ({ targetId, pin }, { actor }) => signing.countersign(targetId, pin, actor))
    .implement('signing.verify', ({ targetId }) => signing.verify(targetId))
    .implement('amendments.create', (input, { actor }) => {
      refuseIfSealed(data, [input.targetId]);
      return amendments.create(input, actor);
    })
    .implement('amendments.history', ({ targetId }) => amendments.history(targetId));
}
