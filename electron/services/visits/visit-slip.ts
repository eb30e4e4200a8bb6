/** The registration slip of one visit, as PDF bytes for the screen to show and print. */
import { ApiFailure } from '../../../shared/api';
import type { ClinicData } from '../clinic-data';
import { requireSettings } from '../patients/patient-records';
import { FontUnavailableError } from '../../print/cjk-font';
import { registrationSlipPdf } from '../../print/registration-slip';
import { visitNames, visitView } from './visit-views';

export async function visitSlip(
  data: ClinicData,
  id: string,
  registrar: string,
  options: { fontFile?: string } = {},
): Promise<{ fileName: string; contentType: 'application/pdf'; pdfBase64: string; bytes: number }> {
  const settings = requireSettings(data);
  const row = data.encounters.byId(id);
  if (!row) throw new ApiFailure('NOT_FOUND', '没有找到这次挂号。');
  const visit = visitView(data, row, data.documents.winningRev(id) ?? '', data.encounters.queuePlace(row), visitNames(data, settings));
  let pdf: Uint8Array;
  try {
    pdf = await registrationSlipPdf({ clinicName: settings.name, visit, registrar, timeZone: settings.time_zone }, options);
  } catch (error) {
    if (error instanceof FontUnavailableError) throw new ApiFailure('INTERNAL', error.message);
    throw error;
  }
  return { fileName: `挂号单-${visit.visitNumber}.pdf`, contentType: 'application/pdf', pdfBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength };
}
