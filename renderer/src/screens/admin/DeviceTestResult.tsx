import type { OutputOf } from '../../../../shared/api';
import type { ScanView } from '../../../../shared/api/devices';
import { DEVICE_TEXT as T } from './text';

type TestOutcome = OutputOf<'devices.testRead'>;

/** What a 试读 found: the card or code read, or why nothing was. */
export function TestReadResult({ outcome }: { readonly outcome: TestOutcome }) {
  const ok = outcome.outcome !== 'failed' && !(outcome.outcome === 'reader' && outcome.card.state === 'failed');
  return (
    <div
      data-testid="test-read-result"
      data-ok={ok}
      className={`rounded-md border px-3 py-2 ${ok ? 'border-primary-line bg-primary-soft text-primary-ink' : 'border-danger-line bg-danger-soft text-danger-strong'}`}
    >
      {describeOutcome(outcome)}
    </div>
  );
}

function describeOutcome(outcome: TestOutcome): string {
  switch (outcome.outcome) {
    case 'failed':
      return outcome.error.message;
    case 'scanner':
      return T.scanOk(describeScan(outcome.scan));
    case 'reader': {
      const head = T.readerOk(outcome.readerVersion);
      const card = outcome.card;
      if (card.state === 'absent') return head + T.cardAbsent;
      if (card.state === 'failed') return head + card.error.message;
      const h = card.holder;
      return head + T.cardRead(h.name, T.sexes[h.sex] ?? '', h.birthDate, h.idNumber);
    }
    default:
      return outcome satisfies never;
  }
}

function describeScan(scan: ScanView): string {
  switch (scan.kind) {
    case 'insurance_voucher':
      return T.scanKinds.insurance_voucher(scan.insuranceNumber);
    case 'patient':
      return T.scanKinds.patient(scan.patientId);
    case 'archive_case':
      return T.scanKinds.archive_case(scan.caseNumber);
    case 'unknown':
      return `${scan.text}（${scan.hint}）`;
    default:
      return scan satisfies never;
  }
}
