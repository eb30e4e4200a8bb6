/** What the signature badge says and in which tone, from a verification (pure, tested without a DOM). */
import type { VerificationView } from '../../../../../shared/api';
import { missingCase } from '../../../../../shared/missing-case';
import { SIGNING_TEXT as T } from './text';

export type BadgeTone = 'success' | 'danger' | 'warning' | 'muted';

export interface BadgeView {
  readonly tone: BadgeTone;
  readonly title: string;
  /** Lines under the title: who signed and when, the county's time, what fails. */
  readonly lines: ReadonlyArray<string>;
}

/** Times as the clinic reads them (China time, 24-hour clock: WR-03). */
export function clinicTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export function badgeView(verification: VerificationView): BadgeView {
  const lines: string[] = [];
  for (const signature of verification.signatures) {
    const at = clinicTime(signature.signedAt);
    if (signature.purpose === 'countersign') lines.push(T.badge.countersigned(signature.signer.displayName, at));
    else {
      const clock = signature.clock.source === 'checked' ? T.badge.clockChecked : T.badge.clockLocal;
      lines.push(`${T.badge.signedBy(signature.signer.displayName, T.practice[signature.signer.practice], at)}${clock}`);
      lines.push(signature.countyStampedAt ? T.badge.countyStamp(clinicTime(signature.countyStampedAt)) : T.badge.noCountyStamp);
    }
  }
  if (verification.failure) lines.push(verification.failure.message);
  switch (verification.status) {
    case 'verified':
      return verification.needsCountersign
        ? { tone: 'warning', title: `${T.badge.verified} · ${T.badge.needsCountersign}`, lines }
        : { tone: 'success', title: T.badge.verified, lines };
    case 'altered':
      return { tone: 'danger', title: T.badge.altered, lines };
    case 'unknown_key':
      return { tone: 'warning', title: T.badge.unknownKey, lines };
    case 'unsigned':
      return { tone: 'muted', title: T.badge.unsigned, lines };
    default:
      return missingCase(verification.status);
  }
}
