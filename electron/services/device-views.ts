import type { CardHolderView, DeviceErrorView, DeviceStateView, ScanView } from '../../shared/api/devices';
import type { CardHolder, DeviceErrorInfo, DeviceState, Scan, TestReadReport } from '../devices';
import type { OutputOf } from '../../shared/api';
import { DEFAULT_FEE_CATEGORIES } from '../../shared/docs/clinic';
import { splitCardAddress, suggestedFeeCategory } from './patients/card-address';
import { loadDivisionIndex } from './reference/code-sets';

/** The devices module's types, turned into the contract's views (which the renderer may import). */

/** A card read as the form takes it: the raw fields, the address split by division, and a suggested 费别. */
export function cardHolderView(holder: CardHolder): CardHolderView {
  const address = splitCardAddress(loadDivisionIndex(), holder);
  const fee = suggestedFeeCategory(holder, DEFAULT_FEE_CATEGORIES);
  return {
    ...holder,
    ...(address.divisionCode ? { addressDivisionCode: address.divisionCode } : {}),
    ...(holder.address ? { addressDetail: address.detail } : {}),
    ...(fee ? { suggestedFeeCategory: fee } : {}),
  };
}

export function deviceErrorView(error: DeviceErrorInfo): DeviceErrorView {
  return error.detail === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, detail: error.detail };
}

export function deviceStateView(state: DeviceState): DeviceStateView {
  const view: DeviceStateView = { kind: state.kind, path: state.path, status: state.status, message: state.message };
  return state.detail === undefined ? view : { ...view, detail: state.detail };
}

export function scanView(scan: Scan): ScanView {
  switch (scan.kind) {
    case 'insurance_voucher':
      // The token stays here: only the insurance number is needed to find the patient.
      return { kind: 'insurance_voucher', insuranceNumber: scan.insuranceNumber };
    case 'patient':
      return { kind: 'patient', patientId: scan.patientId };
    case 'archive_case':
      return { kind: 'archive_case', caseNumber: scan.caseNumber };
    case 'unknown':
      return { kind: 'unknown', text: scan.text.slice(0, 200), hint: scan.hint };
    default:
      return unexpected(scan);
  }
}

export function testReadView(report: TestReadReport): OutputOf<'devices.testRead'> {
  switch (report.kind) {
    case 'card_reader': {
      const { card } = report;
      const cardView = !card.present
        ? { state: 'absent' as const }
        : 'holder' in card
          ? { state: 'read' as const, holder: cardHolderView(card.holder) }
          : { state: 'failed' as const, error: deviceErrorView(card.error) };
      return { outcome: 'reader', readerVersion: report.readerVersion, card: cardView };
    }
    case 'scanner':
      return { outcome: 'scanner', scan: scanView(report.scan), encoding: report.encoding };
    default:
      return unexpected(report);
  }
}

function unexpected(value: never): never {
  throw new Error(`unexpected device value: ${JSON.stringify(value)}`);
}
