import { ApiFailure } from '../../shared/api';
import type { AppContext } from './context';
import { findDuplicates } from '../services/patients/duplicates';
import { lookupByCard, lookupByInsuranceNumber } from '../services/patients/lookups';
import { mergePatients, unmergePatient } from '../services/patients/merge';
import { searchPatients } from '../services/patients/patient-search';
import { patientDetail, registerPatient, requireSettings, updatePatient } from '../services/patients/patient-records';
import { chinaDateOf } from '../../shared/identity';
import type { CallContext, Router } from './router';

function actor(ctx: CallContext): string {
  if (!ctx.session) throw new ApiFailure('UNAUTHENTICATED');
  return ctx.session.user.username;
}

export function registerPatients(router: Router, app: AppContext): void {
  const { data } = app;
  router
    .implement('patients.search', (input) => {
      requireSettings(data);
      return searchPatients(data, input.query, input.limit);
    })
    .implement('patients.get', (input) => patientDetail(data, input.id))
    .implement('patients.checkDuplicates', (input) => {
      requireSettings(data);
      return { candidates: findDuplicates(data, input, chinaDateOf(new Date())) };
    })
    .implement('patients.register', (input, ctx) => registerPatient(data, input, actor(ctx)))
    .implement('patients.update', (input, ctx) => updatePatient(data, input, actor(ctx)))
    .implement('patients.merge', (input, ctx) => mergePatients(data, input, actor(ctx)))
    .implement('patients.unmerge', (input, ctx) => unmergePatient(data, input, actor(ctx)))
    .implement('patients.lookupByCard', (input) => {
      requireSettings(data);
      return lookupByCard(data, input);
    })
    .implement('patients.lookupByInsuranceVoucher', (input) => {
      requireSettings(data);
      return lookupByInsuranceNumber(data, input.insuranceNumber);
    });
}
