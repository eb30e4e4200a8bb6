import { useCallback, useRef } from 'react';
import type { ApiError, PatientDetail, PatientHit } from '../../../../shared/api';
import type { CardHolderView, DeviceEvent, DeviceStateView, ScanView } from '../../../../shared/api/devices';
import { useClient } from '../../app/client-context';
import { draftFromCard, EMPTY_PATIENT_DRAFT, type PatientDraft } from './patient-draft';
import { summaryFromDetail, summaryFromHit, type PatientSummary } from './patient-summary';
import { REG_TEXT as T } from './text';
import { useDeviceEvents } from './use-device-events';

export interface Message {
  readonly tone: 'info' | 'warn';
  readonly text: string;
}

/** What the registration screen does with a patient once a card or a code says who it is. */
export interface ArrivalHandlers {
  readonly choose: (summary: PatientSummary, loaded?: PatientDetail) => Promise<void>;
  readonly startNew: (draft: PatientDraft, fromCard: boolean) => void;
  readonly showMatches: (title: string, hits: ReadonlyArray<PatientHit>) => void;
  readonly say: (message: Message | null) => void;
  readonly fail: (error: ApiError) => void;
}

/** A card read twice without leaving the slot (the slot poll and F6, or a reconnect) is one read, not two. */
const SAME_CARD_WINDOW_MS = 5_000;

/**
 * How patients arrive at the desk: a card in the reader (read by the main process as it goes in, or
 * on F6), a 医保电子凭证 or a patient label on the scanner. Each ends in a chosen patient, a list to
 * choose from, or a new-patient form filled with what is known.
 */
export function useArrivals({ choose, startNew, showMatches, say, fail }: ArrivalHandlers): {
  readonly deviceStates: ReadonlyArray<DeviceStateView> | null;
  readonly readCardNow: () => Promise<void>;
} {
  const client = useClient();
  const lastCard = useRef<{ number: string; at: number } | null>(null);

  const handleCard = useCallback(
    async (card: CardHolderView, manual: boolean) => {
      const now = Date.now();
      const last = lastCard.current;
      if (!manual && last !== null && last.number === card.cardNumber && now - last.at < SAME_CARD_WINDOW_MS) return;
      lastCard.current = { number: card.cardNumber, at: now };
      const found = await client.api.patients.lookupByCard({
        kind: card.cardKind,
        number: card.cardNumber,
        idNumber: card.idNumber,
        insuranceNumber: card.insuranceNumber,
      });
      if (!found.ok) return fail(found.error);
      const { matches } = found.value;
      if (matches.length === 1) {
        say({ tone: 'info', text: T.events.cardFound(card.name) });
        void choose(summaryFromHit(matches[0]));
      } else if (matches.length > 1) {
        say(null);
        showMatches(T.search.cardMatches, matches);
      } else {
        say({ tone: 'info', text: T.events.cardNew(card.name) });
        startNew(draftFromCard(card), true);
      }
    },
    [client, choose, showMatches, startNew, say, fail],
  );

  const handleScan = useCallback(
    async (scan: ScanView) => {
      switch (scan.kind) {
        case 'insurance_voucher': {
          const found = await client.api.patients.lookupByInsuranceVoucher({ insuranceNumber: scan.insuranceNumber });
          if (!found.ok) return fail(found.error);
          const { matches } = found.value;
          if (matches.length === 1) {
            say({ tone: 'info', text: T.events.cardFound(matches[0].name) });
            return void choose(summaryFromHit(matches[0]));
          }
          if (matches.length > 1) return showMatches(T.search.voucherMatches, matches);
          say({ tone: 'warn', text: T.events.voucherNotFound(scan.insuranceNumber) });
          return startNew({ ...EMPTY_PATIENT_DRAFT, insuranceNumber: scan.insuranceNumber }, false);
        }
        case 'patient': {
          const read = await client.api.patients.get({ id: scan.patientId });
          if (!read.ok) return fail(read.error);
          say({ tone: 'info', text: T.events.patientBarcode });
          return void choose(summaryFromDetail(read.value), read.value);
        }
        case 'archive_case':
          return say({ tone: 'warn', text: T.events.archiveCase(scan.caseNumber) });
        case 'unknown':
          return say({ tone: 'warn', text: scan.hint });
        default:
          return scan satisfies never;
      }
    },
    [client, choose, showMatches, startNew, say, fail],
  );

  const onDeviceEvent = useCallback(
    (event: DeviceEvent) => {
      switch (event.type) {
        case 'card_read':
          return void handleCard(event.card, false);
        case 'card_failed':
        case 'scan_failed':
          return say({ tone: 'warn', text: event.error.message });
        case 'scan':
          return void handleScan(event.scan);
        case 'card_removed':
          // The next insertion is a new read, even of the same card.
          lastCard.current = null;
          return;
        default:
          return event satisfies never;
      }
    },
    [handleCard, handleScan, say],
  );
  const deviceStates = useDeviceEvents(onDeviceEvent);

  const readCardNow = async () => {
    const result = await client.api.devices.readCard({});
    if (!result.ok) return fail(result.error);
    if (result.value.status === 'failed') return say({ tone: 'warn', text: result.value.error.message });
    await handleCard(result.value.card, true);
  };

  return { deviceStates, readCardNow };
}
