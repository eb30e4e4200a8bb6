import type { AppContext } from './context';
import { findDuplicates } from '../services/patients/duplicates';
import { lookupByCard, lookupByInsuranceNumber } from '../services/patients/lookups';
import { mergePatients, unmergePatient } from '../services/patients/merge';
import { searchPatients } from '../services/patients/patient-search';
import { patientDetail, registerPatient, updatePatient } from '../services/patients/patient-records';
import { chinaDateOf } from '../../shared/identity';
import type { Router } from './router';

export function registerPatients(router: Router, app: AppContext): void {
  const { data } = app;
  router
    .implement('patients.search', (input) => searchPatients(data, input.query, input.limit))
    .implement('patients.get', (input) => patientDetail(data, input.id))
    .implement('patients.checkDuplicates', (input) => ({ candidates: findDuplicates(data, input, chinaDateOf(new Date())) }))
    .implement('patients.register', (input, { actor }) => registerPatient(data, input, actor.username))
    .implement('patients.update', (input, { actor }) => updatePatient(data, input, actor.username))
    .implement('patients.merge', (input, { actor }) => mergePatients(data, input, actor.username))
    .implement('patients.unmerge', (input, { actor }) => unmergePatient(data, input, actor.username))
    .implement('patients.lookupByCard', (input) => lookupByCard(data, input))
    .implement('patients.lookupByInsuranceVoucher', (input) => lookupByInsuranceNumber(data, input.insuranceNumber));
}
